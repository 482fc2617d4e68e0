"""manage.py load_demo: the Questions Numériques 2012/2013 demo, safe to run again."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from demo.seed.load import demo_load

JOIN_URL = "http://127.0.0.1:8000/w/join/?code={code}"


class Command(BaseCommand):
    help = (
        "Load the Questions Numériques 2012/2013 demo: canvases, formats, the 19 scenarios, "
        "a facilitator and an editor, and a live workshop with its 7 tables. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--password", default="agora-demo", help="Password of the demo users (default: agora-demo).")

    def handle(self, *args, password, **options):
        try:
            result = demo_load(password=password)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        workshop = result.workshop
        state = "created" if result.workshop_created else "already there, left as it is"
        self.stdout.write(self.style.SUCCESS(f"Demo loaded. Workshop “{workshop.title}”: {state}."))
        self.stdout.write(f"Facilitator: login {result.facilitator.username}  password {password}")
        self.stdout.write(f"Editor:      login {result.editor.username}  password {password}")
        self.stdout.write(f"Join code:   {workshop.join_code}")
        self.stdout.write(f"Join URL:    {JOIN_URL.format(code=workshop.join_code)}")
        if result.promise_workshop is not None:
            promise = result.promise_workshop
            self.stdout.write(f"Promise workshop “{promise.title}” (its restitution shows the report): join code {promise.join_code}")
