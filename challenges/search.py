"""Full-text search shared by challenges, solutions and the matching engine.

On PostgreSQL every searchable table has a stored, generated `tsvector` column (kept current by
PostgreSQL itself on every write path, bulk ones included) built with two accent-insensitive
text search configurations, `iveo_fr` and `iveo_en` (migration `challenges.0003`), and a GIN
index. A query is parsed in both languages and OR-ed, so a French query finds an English
document that uses the same technical terms.

On SQLite (the embedded demo) a simpler search matches every word of the query, accents and
case ignored, with a naive plural stripping, through an `iveo_unaccent()` SQL function that we
register on each connection.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection, migrations
from django.db.backends.signals import connection_created
from django.db.models import (
    Case,
    F,
    FloatField,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import Expression
from django.db.models.functions import Cast, Coalesce, Concat
from django.dispatch import receiver

CONFIGS = ("iveo_fr", "iveo_en")
MAX_QUERY_LENGTH = 200

# --- Migrations -----------------------------------------------------------------------------


class RunSQLOnPostgres(migrations.RunSQL):
    """`RunSQL` that does nothing on other databases, so the SQLite demo still migrates."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def _field_sql(field: str, json: bool = False) -> str:
    if json:
        # A JSON list of tags becomes its words; jsonb -> text is immutable.
        return f"coalesce(translate(\"{field}\"::text, '[]\",', '    '), '')"
    return f"coalesce(\"{field}\", '')"


def vector_sql(weighted_fields: list[tuple[str, str]], json_fields: tuple[str, ...] = ()) -> str:
    """The SQL of a weighted bilingual tsvector over the given (field, weight A-D) pairs."""
    parts = []
    for field, weight in weighted_fields:
        for config in CONFIGS:
            parts.append(
                f"setweight(to_tsvector('{config}'::regconfig, "
                f"{_field_sql(field, field in json_fields)}), '{weight}')"
            )
    return " || ".join(parts)


def add_search_column(
    table: str,
    weighted_fields: list[tuple[str, str]],
    *,
    column: str = "search_document",
    json_fields: tuple[str, ...] = (),
) -> RunSQLOnPostgres:
    """Migration operation: a generated tsvector column and its GIN index (PostgreSQL only)."""
    index = f"{table}_{column}_gin"[:63]
    return RunSQLOnPostgres(
        sql=[
            f'ALTER TABLE "{table}" ADD COLUMN "{column}" tsvector GENERATED ALWAYS AS '
            f"({vector_sql(weighted_fields, json_fields)}) STORED",
            f'CREATE INDEX "{index}" ON "{table}" USING GIN ("{column}")',
        ],
        reverse_sql=[
            f'DROP INDEX IF EXISTS "{index}"',
            f'ALTER TABLE "{table}" DROP COLUMN IF EXISTS "{column}"',
        ],
    )


def lexicon_table(table: str) -> str:
    return f"{table}_lexicon"[:63]


def add_lexicon(table: str, *, column: str = "search_document") -> RunSQLOnPostgres:
    """Migration operation: `<table>_lexicon`, in how many rows each lexeme of `column` is
    (PostgreSQL only), and under the empty word the number of rows.

    Kept exact by statement-level triggers with transition tables, whatever writes the rows
    (forms, import, admin, bulk inserts and updates, deletes, TRUNCATE): one grouped upsert per
    statement, in word order (concurrent writers wait, never deadlock). An update that leaves
    the vector alone writes nothing. The matching engine reads it for inverse document
    frequencies: exact counts, where ANALYZE's sample cannot tell a rare word from an absent one.
    """
    lexicon = lexicon_table(table)

    def upsert(select: str) -> str:
        return (
            f'INSERT INTO "{lexicon}" AS l (word, ndoc) {select} '
            "ON CONFLICT (word) DO UPDATE SET ndoc = l.ndoc + EXCLUDED.ndoc"
        )

    def words(rows: str, sign: int) -> str:
        return (
            f'SELECT unnest(tsvector_to_array("{column}")) AS w, {sign} AS d FROM {rows} '
            f"UNION ALL SELECT '', {sign} FROM {rows}"
        )

    changes = {
        "INSERT": ("NEW TABLE AS new_rows", words("new_rows", 1)),
        "DELETE": ("OLD TABLE AS old_rows", words("old_rows", -1)),
        "UPDATE": (
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            f"{words('new_rows', 1)} UNION ALL {words('old_rows', -1)}",
        ),
    }
    sql = [
        f'CREATE TABLE "{lexicon}" (word text PRIMARY KEY, ndoc integer NOT NULL)',
        upsert(
            f'SELECT word, ndoc FROM ts_stat(\'SELECT "{column}" FROM "{table}"\') '
            f"UNION ALL SELECT '', count(*)::int FROM \"{table}\""
        ),
    ]
    reverse = [f'DROP TABLE IF EXISTS "{lexicon}"']
    for event, (transition, select) in changes.items():
        function = f"{lexicon}_{event.lower()}"[:63]
        sql += [
            f'CREATE FUNCTION "{function}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
            + upsert(
                f"SELECT w, sum(d)::int FROM ({select}) x GROUP BY w HAVING sum(d) <> 0 ORDER BY w"
            )
            + "; RETURN NULL; END $$",
            f'CREATE TRIGGER "{function}" AFTER {event} ON "{table}" REFERENCING {transition} '
            f'FOR EACH STATEMENT EXECUTE FUNCTION "{function}"()',
        ]
        reverse.insert(0, f'DROP FUNCTION IF EXISTS "{function}"() CASCADE')
    function = f"{lexicon}_truncate"[:63]
    sql += [
        f'CREATE FUNCTION "{function}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN '
        f'DELETE FROM "{lexicon}"; RETURN NULL; END $$',
        f'CREATE TRIGGER "{function}" AFTER TRUNCATE ON "{table}" '
        f'FOR EACH STATEMENT EXECUTE FUNCTION "{function}"()',
    ]
    reverse.insert(0, f'DROP FUNCTION IF EXISTS "{function}"() CASCADE')
    return RunSQLOnPostgres(sql=sql, reverse_sql=reverse)


# --- Queries --------------------------------------------------------------------------------


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def normalize(text: str) -> str:
    """Lower case without accents: 'Véhicules Électriques' -> 'vehicules electriques'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", normalize(text))[:30]


def _naive_stem(word: str) -> str:
    for suffix in ("aux", "es", "s", "x"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def bilingual_query(text: str, *, any_word: bool = False) -> SearchQuery:
    """The query parsed in French and in English, OR-ed; never raises a syntax error."""
    text = text[:MAX_QUERY_LENGTH]
    if any_word:
        text = " or ".join(words(text))
    fr = SearchQuery(text, search_type="websearch", config="iveo_fr")
    en = SearchQuery(text, search_type="websearch", config="iveo_en")
    return fr | en


class TableColumn(Expression):
    """A column the ORM does not know (the generated tsvector), on the query's base table.

    Unlike raw SQL it follows the table's alias, so a filtered queryset still works as a
    subquery (`pk__in=...`, facet counts), where Django renames the table to U0.
    """

    def __init__(self, table: str, column: str, output_field=None):
        super().__init__(output_field=output_field or SearchVectorField())
        self.table, self.column, self.alias = table, column, table

    def resolve_expression(
        self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False
    ):
        clone = self.copy()
        if query is not None:
            clone.alias = query.get_initial_alias()
        return clone

    def relabeled_clone(self, change_map):
        clone = self.copy()
        clone.alias = change_map.get(self.alias, self.alias)
        return clone

    def get_group_by_cols(self):
        return [self]

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(self.alias)
        return f"{alias}.{connection.ops.quote_name(self.column)}", []


def document(table: str, column: str = "search_document") -> TableColumn:
    return TableColumn(table, column)


class Unaccent(Func):
    """`iveo_unaccent(text)` on SQLite: lower case, accents removed (see `normalize`)."""

    function = "iveo_unaccent"
    output_field = TextField()


@receiver(connection_created)
def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("iveo_unaccent", 1, normalize, deterministic=True)


def _with_haystack(queryset: QuerySet, fallback_fields: list[str]) -> QuerySet:
    """SQLite fallback: the fields joined, lower case, without accents, as `search_haystack`."""
    parts = []
    for field in fallback_fields:
        parts += [Coalesce(F(field), Value(""), output_field=TextField()), Value(" ")]
    return queryset.annotate(search_haystack=Unaccent(Concat(*parts, output_field=TextField())))


def text_search(
    queryset: QuerySet,
    text: str,
    *,
    table: str,
    fallback_fields: list[str],
    column: str = "search_document",
) -> QuerySet:
    """Filter to the rows matching `text` and annotate `relevance` (higher is better)."""
    text = (text or "").strip()[:MAX_QUERY_LENGTH]
    if not words(text):
        return queryset.annotate(relevance=Value(0.0, output_field=FloatField()))
    if is_postgres():
        query = bilingual_query(text)
        vector = document(table, column)
        return (
            queryset.annotate(search_match=vector)
            .filter(search_match=query)
            .annotate(relevance=SearchRank(vector, query, normalization=Value(32)))
        )
    queryset = _with_haystack(queryset, fallback_fields)
    for word in words(text):
        queryset = queryset.filter(search_haystack__contains=_naive_stem(word))
    return queryset.annotate(relevance=Value(1.0, output_field=FloatField()))


# Words too common to say that two texts are alike (accents already removed).
SIMILARITY_STOP_WORDS = frozenset(
    """
    les des une aux avec pour par dans sur sous est sont ses son leur leurs cette ces qui que
    quoi dont plus moins tres tout tous toute toutes entre afin ainsi comme mais donc elle
    nous vous ils elles notre nos votre vos ville villes municipal municipale municipales
    municipaux projet projets enjeu enjeux solution solutions
    the and for with from into that this these those are was were has have our their your
    city cities municipal project projects challenge challenges solution solutions new
    """.split()
)


def distinctive_words(text: str, *, limit: int = 12) -> list[str]:
    """The words of `text` worth matching on: no stop words, no very short words, no repeats."""
    result: list[str] = []
    for word in words(text):
        word = word.strip("'-")
        if len(word) < 4 or word in SIMILARITY_STOP_WORDS or word in result:
            continue
        result.append(word)
    return result[:limit]


def text_search_any_word(
    queryset: QuerySet,
    text: str,
    *,
    table: str,
    fallback_fields: list[str],
    column: str = "search_document",
) -> QuerySet:
    """Rows sharing at least one distinctive word with `text`, annotated with `relevance`.

    For "more like this" lists (similar challenges): an OR query on PostgreSQL, ranked; on
    SQLite the number of shared words.
    """
    terms = distinctive_words(text)
    if not terms:
        return queryset.none().annotate(relevance=Value(0.0, output_field=FloatField()))
    if is_postgres():
        query = bilingual_query(" ".join(terms), any_word=True)
        vector = document(table, column)
        return (
            queryset.annotate(search_match=vector)
            .filter(search_match=query)
            .annotate(relevance=SearchRank(vector, query, normalization=Value(32)))
        )
    queryset = _with_haystack(queryset, fallback_fields)
    stems = [_naive_stem(word) for word in terms]
    any_word = Q()
    for stem in stems:
        any_word |= Q(search_haystack__contains=stem)
    score = sum(
        (
            Case(
                When(search_haystack__contains=stem, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            for stem in stems
        ),
        Value(0),
    )
    return queryset.filter(any_word).annotate(relevance=Cast(score, FloatField()))
