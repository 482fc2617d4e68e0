import os

from celery import Celery
from celery.app.amqp import AMQP
from kombu import pools

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "foresight.settings.base")


class QuickPublishAMQP(AMQP):
    """Tasks are published from inside requests (closing a phase, asking for a draft or an export):
    their connections give up on a hung Redis after BROKER_PUBLISH_TRANSPORT_OPTIONS' short socket
    timeout. Consumers and control messages (the worker, pings) keep the broker's own, longer than
    the 1 s blocking reads (BRPOP) they make."""

    @property
    def producer_pool(self):
        if self._producer_pool is None:
            from django.conf import settings

            options = getattr(settings, "BROKER_PUBLISH_TRANSPORT_OPTIONS", {})
            self._producer_pool = pools.producers[self.app.connection_for_write(transport_options=options)]
            self._producer_pool.limit = self.app.pool.limit
        return self._producer_pool


app = Celery("foresight", amqp=QuickPublishAMQP)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
