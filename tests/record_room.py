"""A room that has run to its restitution, for the record and restitution tests (views and browser)."""

from workshops import services
from workshops.aggregation import phase_aggregate
from workshops.models import Activity, WorkshopPhase


def open_phase(phase):
    """Open a phase and build the outputs of the one it closes (what the worker does after the commit)."""
    was_open = phase.workshop.phases.filter(status=WorkshopPhase.Status.OPEN).first()
    services.phase_open(phase=phase)
    if was_open is not None and was_open.activity == Activity.POSTITS:
        phase_aggregate(phase_id=was_open.pk)


def run_to_restitution(workshop, participant_factory) -> dict:
    """Three tables develop a scenario (phase 1), anticipate (phase 2), their scribes write a synthesis
    (phase 4), then the restitution opens (phase 5). Phase 3 stays the format's vote."""
    services.table_create(workshop=workshop, name="")
    tables = list(workshop.tables.order_by("number"))
    phases = {p.position: p for p in workshop.phases.all()}
    phases[4] = WorkshopPhase.objects.create(workshop=workshop, position=4, name="Synthèse des tables", activity=Activity.SYNTHESIS)
    phases[5] = WorkshopPhase.objects.create(workshop=workshop, position=5, name="Restitution", activity=Activity.RESTITUTION)
    scribes = [
        services.participant_set_scribe(
            participant=participant_factory(workshop=workshop, table=t, display_name=f"Scribe {t.number}"), is_scribe=True
        )
        for t in tables
    ]
    for n, scribe in enumerate(scribes, start=1):
        section = phases[1].canvas.sections.order_by("position").first()
        services.contribution_post(participant=scribe, section_id=section.pk, text=f"Développement table {n}", axis="")
    open_phase(phases[2])
    for n, scribe in enumerate(scribes, start=1):
        section = phases[2].canvas.sections.order_by("position").first()
        services.contribution_post(participant=scribe, section_id=section.pk, text=f"Anticipation table {n}", axis="")
    open_phase(phases[4])
    for n, scribe in enumerate(scribes, start=1):
        services.synthesis_save(scribe=scribe, text=f"Synthèse de la table {n}")
    open_phase(phases[5])
    workshop.refresh_from_db()
    return {"workshop": workshop, "tables": tables, "phases": phases, "scribes": scribes}
