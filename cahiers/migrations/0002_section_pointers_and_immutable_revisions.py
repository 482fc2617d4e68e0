"""What Django's fields cannot say: a section's pointers name revisions *of that section*, and a
revision's content never changes.

The pointers are composite foreign keys (revision id, section id) onto the revisions' unique
(id, section_id): a latest or live revision of another section is refused by PostgreSQL. They are
deferred so that deleting a section (its revisions first, or the section first) checks at commit.
The trigger lets through only what Django's SET_NULL does (author, based_on): never text, reason,
provenance, section, source or date.

PostgreSQL only: the embedded demo's SQLite cannot add a constraint to a table or run PL/pgSQL, and
there the services' discipline (every write through cahiers.services) is what holds.
"""

from django.db import migrations

POINTERS = """
ALTER TABLE cahiers_section
    ADD CONSTRAINT section_latest_revision_of_this_section
    FOREIGN KEY (latest_revision_id, id) REFERENCES cahiers_revision (id, section_id)
    DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE cahiers_section
    ADD CONSTRAINT section_live_revision_of_this_section
    FOREIGN KEY (live_revision_id, id) REFERENCES cahiers_revision (id, section_id)
    DEFERRABLE INITIALLY DEFERRED;
"""
POINTERS_DROP = """
ALTER TABLE cahiers_section DROP CONSTRAINT section_latest_revision_of_this_section;
ALTER TABLE cahiers_section DROP CONSTRAINT section_live_revision_of_this_section;
"""
IMMUTABLE = """
CREATE FUNCTION cahiers_revision_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.text IS DISTINCT FROM OLD.text OR NEW.section_id IS DISTINCT FROM OLD.section_id
       OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.created_at IS DISTINCT FROM OLD.created_at
       OR NEW.source_hash IS DISTINCT FROM OLD.source_hash OR NEW.provenance IS DISTINCT FROM OLD.provenance THEN
        RAISE EXCEPTION 'a cahier revision is immutable: write a new one' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cahiers_revision_immutable BEFORE UPDATE ON cahiers_revision
    FOR EACH ROW EXECUTE FUNCTION cahiers_revision_immutable();
"""
IMMUTABLE_DROP = """
DROP TRIGGER cahiers_revision_immutable ON cahiers_revision;
DROP FUNCTION cahiers_revision_immutable();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("cahiers", "0001_initial")]

    operations = [
        migrations.RunPython(_on_postgresql(POINTERS), _on_postgresql(POINTERS_DROP)),
        migrations.RunPython(_on_postgresql(IMMUTABLE), _on_postgresql(IMMUTABLE_DROP)),
    ]
