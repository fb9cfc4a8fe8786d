"""`id__in=[…]` with a number no integer column can hold: no row, never a database error.

Django already answers `pk=99999999999999999999999` with no row (its `IntegerFieldOverflow`
lookups), but not `pk__in=[…]`: SQLite's driver then raises `OverflowError` and the request
answers 500. Every multiple-choice form field (`ModelMultipleChoiceField` checks the posted ids
with `pk__in`), django-filter's and the API's, goes through this one lookup, so the door is
closed everywhere at once. Values outside the column's range are dropped before the query; if
none is left, the query matches nothing, as `in ()` would.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
