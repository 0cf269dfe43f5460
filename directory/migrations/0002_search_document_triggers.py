"""Keep SocialEntrepreneur.search_vector and the SearchTerm word list current in the database.

A trigger (rather than Python code in save()) covers every way data changes: admin, forms, bulk
loads and raw SQL. Weights follow DESIGN.md: name A, published offers' titles B, the entrepreneur's
own texts and offer descriptions C.
"""

from django.db import migrations

FORWARD = r"""
CREATE FUNCTION directory_entrepreneur_search_document() RETURNS trigger AS $$
DECLARE
    offer_titles text;
    offer_descriptions text;
BEGIN
    SELECT string_agg(o.title, ' '), string_agg(o.description, ' ')
      INTO offer_titles, offer_descriptions
      FROM directory_offer o
     WHERE o.entrepreneur_id = NEW.id AND o.status = 'published';
    NEW.search_vector :=
           setweight(to_tsvector('norwegian', coalesce(NEW.name, '')), 'A')
        || setweight(to_tsvector('norwegian', coalesce(offer_titles, '')), 'B')
        || setweight(to_tsvector('norwegian', concat_ws(' ', NEW.summary, NEW.social_mission, NEW.description,
                                                        offer_descriptions)), 'C');
    INSERT INTO directory_searchterm (word)
         SELECT lexeme FROM unnest(NEW.search_vector) WHERE length(lexeme) <= 200
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER entrepreneur_search_document
BEFORE INSERT OR UPDATE OF name, summary, social_mission, description, search_vector
ON directory_socialentrepreneur
FOR EACH ROW EXECUTE FUNCTION directory_entrepreneur_search_document();

-- Offers change their entrepreneur's document: touching search_vector re-runs the trigger above.
CREATE FUNCTION directory_offer_touch_entrepreneur() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE directory_socialentrepreneur SET search_vector = NULL
         WHERE id IN (SELECT DISTINCT entrepreneur_id FROM new_offers);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE directory_socialentrepreneur SET search_vector = NULL
         WHERE id IN (SELECT DISTINCT entrepreneur_id FROM old_offers);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER offer_insert_touches_entrepreneur AFTER INSERT ON directory_offer
REFERENCING NEW TABLE AS new_offers
FOR EACH STATEMENT EXECUTE FUNCTION directory_offer_touch_entrepreneur();

CREATE TRIGGER offer_update_touches_entrepreneur AFTER UPDATE ON directory_offer
REFERENCING NEW TABLE AS new_offers OLD TABLE AS old_offers
FOR EACH STATEMENT EXECUTE FUNCTION directory_offer_touch_entrepreneur();

CREATE TRIGGER offer_delete_touches_entrepreneur AFTER DELETE ON directory_offer
REFERENCING OLD TABLE AS old_offers
FOR EACH STATEMENT EXECUTE FUNCTION directory_offer_touch_entrepreneur();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS offer_delete_touches_entrepreneur ON directory_offer;
DROP TRIGGER IF EXISTS offer_update_touches_entrepreneur ON directory_offer;
DROP TRIGGER IF EXISTS offer_insert_touches_entrepreneur ON directory_offer;
DROP FUNCTION IF EXISTS directory_offer_touch_entrepreneur();
DROP TRIGGER IF EXISTS entrepreneur_search_document ON directory_socialentrepreneur;
DROP FUNCTION IF EXISTS directory_entrepreneur_search_document();
"""


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
