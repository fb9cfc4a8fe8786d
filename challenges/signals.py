"""Events of the challenges app that other apps listen to.

`challenge_published` is sent once the transaction that published a challenge has committed,
with `challenge_id`; `solutions` connects the matching engine to it (challenges never imports
solutions).
"""

from django.dispatch import Signal

challenge_published = Signal()  # kwargs: challenge_id
