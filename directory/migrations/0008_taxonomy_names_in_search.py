"""The names of an entrepreneur's service areas, target groups and forms of collaboration join its
search document, weighted B (below the name, like offers' titles), so that «eldreomsorg» finds the
entrepreneurs the start page counts under «Eldreomsorg». The names in all three languages (the
modeltranslation columns of migration 0006) go in, so that «elderly care» finds them too.

The names go in twice: stemmed, and as written (a 'simple' configuration with Norwegian stop words). The Norwegian stemmer
cuts some words short ("demens" becomes "dem"), so the written word is what lets the spelling
fallback (SearchTerm) connect «demente» to «Personer med demens».

The names come from the facet columns the same trigger fills (migration 0004). Renaming a term in
admin touches the entrepreneurs that have it, which re-runs the trigger.
"""

import importlib

from django.db import migrations

FORWARD = r"""
-- Words as written, without Norwegian stop words ("med", "og", "utenfor" would otherwise match).
CREATE TEXT SEARCH DICTIONARY directory_norwegian_unstemmed (TEMPLATE = pg_catalog.simple, STOPWORDS = norwegian);
CREATE TEXT SEARCH CONFIGURATION directory_norwegian_unstemmed (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION directory_norwegian_unstemmed
      ALTER MAPPING REPLACE simple WITH directory_norwegian_unstemmed;

CREATE OR REPLACE FUNCTION directory_entrepreneur_search_document() RETURNS trigger AS $$
DECLARE
    offer_titles text;
    offer_descriptions text;
    term_names text;
BEGIN
    SELECT string_agg(o.title, ' '), string_agg(o.description, ' ')
      INTO offer_titles, offer_descriptions
      FROM directory_offer o
     WHERE o.entrepreneur_id = NEW.id AND o.status = 'published';
    NEW.facet_service_areas := ARRAY(
        SELECT servicearea_id FROM directory_socialentrepreneur_service_areas
         WHERE socialentrepreneur_id = NEW.id ORDER BY 1);
    NEW.facet_target_groups := ARRAY(
        SELECT targetgroup_id FROM directory_socialentrepreneur_target_groups
         WHERE socialentrepreneur_id = NEW.id ORDER BY 1);
    NEW.facet_collaboration_forms := ARRAY(
        SELECT DISTINCT f.collaborationform_id
          FROM directory_offer_collaboration_forms f JOIN directory_offer o ON o.id = f.offer_id
         WHERE o.entrepreneur_id = NEW.id AND o.status = 'published' ORDER BY 1);
    NEW.facet_coverage := CASE WHEN NEW.nationwide THEN ARRAY['*']::varchar[] ELSE ARRAY(
        SELECT 'c:' || county_id FROM directory_socialentrepreneur_counties WHERE socialentrepreneur_id = NEW.id
        UNION
        SELECT code FROM directory_socialentrepreneur_municipalities sm
          JOIN directory_municipality m ON m.id = sm.municipality_id
         CROSS JOIN LATERAL (VALUES ('m:' || m.id), ('mc:' || m.county_id)) AS codes(code)
         WHERE sm.socialentrepreneur_id = NEW.id
    )::varchar[] END;
    SELECT string_agg(names.name, ' ') INTO term_names FROM (
        SELECT concat_ws(' ', coalesce(name_nb, name), name_nn, name_en) AS name
          FROM directory_servicearea WHERE id = ANY(NEW.facet_service_areas)
        UNION ALL
        SELECT concat_ws(' ', coalesce(name_nb, name), name_nn, name_en)
          FROM directory_targetgroup WHERE id = ANY(NEW.facet_target_groups)
        UNION ALL
        SELECT concat_ws(' ', coalesce(name_nb, name), name_nn, name_en)
          FROM directory_collaborationform WHERE id = ANY(NEW.facet_collaboration_forms)
    ) AS names;
    NEW.search_vector :=
           setweight(to_tsvector('norwegian', coalesce(NEW.name, '')), 'A')
        || setweight(to_tsvector('norwegian', concat_ws(' ', offer_titles, term_names)), 'B')
        || setweight(to_tsvector('directory_norwegian_unstemmed', coalesce(term_names, '')), 'B')
        || setweight(to_tsvector('norwegian', concat_ws(' ', NEW.summary, NEW.social_mission, NEW.description,
                                                        offer_descriptions)), 'C');
    INSERT INTO directory_searchterm (word)
         SELECT lexeme FROM unnest(NEW.search_vector)
          WHERE length(lexeme) BETWEEN 3 AND 200 AND lexeme !~ '[0-9]'
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

-- A renamed term changes the documents of the entrepreneurs that have it.
CREATE FUNCTION directory_term_renamed_touches_entrepreneurs() RETURNS trigger AS $$
DECLARE
    facet text := TG_ARGV[0];
BEGIN
    EXECUTE format(
        'UPDATE directory_socialentrepreneur SET search_vector = NULL WHERE %I && $1', facet
    ) USING ARRAY(SELECT id FROM new_rows n WHERE NOT EXISTS (
        SELECT 1 FROM old_rows o WHERE o.id = n.id
           AND (o.name, o.name_nb, o.name_nn, o.name_en) IS NOT DISTINCT FROM (n.name, n.name_nb, n.name_nn, n.name_en)
    ))::bigint[];
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER servicearea_renamed_touch AFTER UPDATE ON directory_servicearea
REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION directory_term_renamed_touches_entrepreneurs('facet_service_areas');
CREATE TRIGGER targetgroup_renamed_touch AFTER UPDATE ON directory_targetgroup
REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION directory_term_renamed_touches_entrepreneurs('facet_target_groups');
CREATE TRIGGER collaborationform_renamed_touch AFTER UPDATE ON directory_collaborationform
REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION directory_term_renamed_touches_entrepreneurs('facet_collaboration_forms');
"""

# Rebuild the documents of the rows that exist (after the function changes, either way).
REBUILD = "UPDATE directory_socialentrepreneur SET search_vector = NULL;"

# Backwards: migration 0004's function, without the term names.
_previous = importlib.import_module("directory.migrations.0004_search_facets").FACETS_FORWARD
BACKWARD = (
    """
DROP TRIGGER IF EXISTS collaborationform_renamed_touch ON directory_collaborationform;
DROP TRIGGER IF EXISTS targetgroup_renamed_touch ON directory_targetgroup;
DROP TRIGGER IF EXISTS servicearea_renamed_touch ON directory_servicearea;
DROP FUNCTION IF EXISTS directory_term_renamed_touches_entrepreneurs();
"""
    + _previous[: _previous.index("DROP TRIGGER entrepreneur_search_document")]
    + REBUILD
    + """
DROP TEXT SEARCH CONFIGURATION IF EXISTS directory_norwegian_unstemmed;
DROP TEXT SEARCH DICTIONARY IF EXISTS directory_norwegian_unstemmed;
"""
)


class Migration(migrations.Migration):
    dependencies = [("directory", "0007_copy_bokmal_into_translations")]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunSQL(REBUILD, migrations.RunSQL.noop),
    ]
