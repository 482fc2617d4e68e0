from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PromisesConfig(AppConfig):
    name = "promises"
    verbose_name = _("Promises")

    def ready(self):
        # The participant page (workshops) shows these activities through its registry: workshops
        # sits below this app and cannot import it, so this app tells it how to render each one.
        from voting import record
        from voting.signals import ballot_closed
        from workshops import activities
        from workshops.models import Activity

        from . import panels, receivers

        # A keyword or phrase ballot's outcome is applied as the voting app closes it.
        ballot_closed.connect(receivers.ballot_closed, dispatch_uid="promises.ballot_closed")

        activities.register(Activity.PERSONAS, template="promises/panels/personas.html", context=panels.personas)
        activities.register(
            Activity.KEYWORDS,
            template="promises/panels/keywords.html",
            context=panels.keywords,
            control_link=("promises:keywords", _("Merge and rename the keywords")),
        )
        activities.register(
            Activity.PHRASES,
            template="promises/panels/phrases.html",
            context=panels.phrases,
            control_link=("promises:promise", _("The phrase vote and the promise")),
        )
        # The promise page, for every workshop that runs one of this app's activities.
        promise_activities = (Activity.PERSONAS, Activity.KEYWORDS, Activity.PHRASES, Activity.COMMITMENTS)
        activities.register_page("promises:promise", _("The promise"), activities=promise_activities)
        activities.register_page("promises:report", _("The report"), activities=promise_activities)
        # The report in the restitution and in the workshop's record (JSON and Markdown).
        activities.register_restitution("promises/partials/restitution_report.html", context=receivers.restitution_report)
        record.register_part("promise_report", data=receivers.record_report, markdown=receivers.record_report_markdown)
        activities.register(Activity.COMMITMENTS, template="promises/panels/commitments.html", context=panels.commitments)
