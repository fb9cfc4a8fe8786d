"""The Celery application: `celery -A iveo_portal worker` and `celery -A iveo_portal beat`."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "iveo_portal.settings")

app = Celery("iveo_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
