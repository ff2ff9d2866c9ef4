-- rls schema, version 2: what the guided session needs.
-- A session saved after quitting the guide half-way is marked partial, so
-- that it is never silently taken for a whole one. A routine removed while
-- past sessions use it is hidden from new ones but kept for them.

ALTER TABLE session ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1));
ALTER TABLE routine ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1));
