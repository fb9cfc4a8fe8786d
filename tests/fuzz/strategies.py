"""Random and hostile form values: what a broken client or an attacker may post."""

from hypothesis import strategies as st

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "Robert'); DROP TABLE partners_user;--",
    "{{ 7|add:7 }}{% debug %}",
    "%(name)s %s {0}",
    "../../../../etc/passwd",
    "javascript:alert(1)",
    "\u202eRTL\u200b\ufeff",
    "😀" * 50,
    "Ville de Saint-Jean-sur-Richelieu",
    "-1",
    "0",
    "99999999999999999999999",
    "1e308",
    "NaN",
    "x" * 5000,
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=200),
    st.text(min_size=200, max_size=3000),
)
# A field may come once, several times, or empty-handed.
hostile_value = st.one_of(hostile_text, st.lists(hostile_text, min_size=0, max_size=3))


def overrides(fields: list[str]) -> st.SearchStrategy[dict]:
    """Some of the form's fields (and unknown ones) replaced by hostile values."""
    keys = st.one_of(st.sampled_from(fields), st.text(min_size=1, max_size=20))
    return st.dictionaries(keys, hostile_value, max_size=len(fields))


def form_data(valid: dict) -> st.SearchStrategy[dict]:
    """A valid body with some fields hostile or missing: reaches both the errors and success."""
    return st.builds(
        lambda changes, dropped: {
            k: v for k, v in {**valid, **changes}.items() if k not in dropped
        },
        overrides(list(valid)),
        st.sets(st.sampled_from(list(valid)), max_size=3),
    )
