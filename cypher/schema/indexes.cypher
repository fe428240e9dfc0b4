// Range indexes behind the analyst filters (date ranges, event type, name look-ups).
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_type IF NOT EXISTS FOR (n:Event) ON (n.type);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
