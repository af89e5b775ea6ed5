-- The staff repertoire search (src/server/repertoire/staff-work-search-sql.ts): every work, found by
-- the words of its title, contributors and publisher, and narrowed by rightsholder, status and type.
--
-- works_search_vector is a work's search document: the words of its normalised title (accents, case
-- and punctuation folded by src/lib/titles.ts), of its contributors and of its publisher, plus one
-- facet lexeme each for its rightsholder, status and type ("rh:<uuid>", "status:suspended",
-- "type:journal"; the parser never makes a lexeme with a colon, so no word collides with them).
-- The facets make a filter one more term of the same GIN search: "history" of one small
-- rightsholder is the intersection of two posting lists, not a scan of 100,000 works that say
-- "history" or of every work of that rightsholder.
-- Contributors and publisher are folded as normalizeTitle folds titles, for the letters of
-- Latin-1 and Latin Extended-A that decompose into one letter (é → e; ø and ß stay, as
-- normalizeTitle keeps them, and so do ĳ, ŀ and ŉ, which decompose into two; a test holds the two
-- together), so "muller" finds "Müller". ASCII text skips the translate, the costly part.
-- A function, not an inline expression: every built-in way from text[] to text (array_to_string)
-- and from an enum to text is STABLE, and an index expression must be IMMUTABLE. Both are
-- immutable here in fact (the elements are text; enum labels change only in a migration, which
-- would then REINDEX these indexes). Queries call it exactly as it is indexed.
-- COST 1000: it parses text (about 6 µs a call, where the default cost is meant for a few hundred
-- ns). At the default the planner answers a common word's LIMIT with a sequential scan that
-- builds this document for every row it passes (seen: 7 ms instead of 0.6 ms from the index).
CREATE FUNCTION works_search_vector(title text, contributors text[], publisher text, rightsholder uuid, status "WorkStatus", type "WorkType")
  RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000 AS $$
DECLARE
  other text := array_to_string(contributors, ' ') || ' ' || coalesce(publisher, '');
BEGIN
  IF octet_length(other) <> char_length(other) THEN
    other := translate(lower(other), 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĐĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŁŃńŅņŇňŊŌōŎŏŐőŒŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſ', 'aaaaaaæceeeeiiiiðnoooooøuuuuyþaaaaaaceeeeiiiinooooouuuuyyaaaaaaccccccccddđeeeeeeeeeegggggggghhħiiiiiiiiijjkkllllllłnnnnnnŋooooooœrrrrrrssssssssttttŧuuuuuuuuuuuuwwyyyzzzzzzs');
  END IF;
  RETURN to_tsvector('simple', title || ' ' || other)
      || array_to_tsvector(ARRAY['rh:' || rightsholder::text, 'status:' || lower(status::text), 'type:' || lower(type::text)]);
END
$$;

-- The whole repertoire.
CREATE INDEX "works_staff_search_idx" ON "works" USING GIN (works_search_vector("normalizedTitle", "contributors", "publisher", "rightsholderId", "status", "type"));

-- Samples of it, searched first: one work in 32, then one in 4, as runs of 16 consecutive ids (so
-- a slice's matches share heap pages as the works do; every 32nd id would put each on a page of
-- its own). A GIN index answers with a bitmap of every match, so a word that a hundred thousand
-- works contain ("history", "press") costs that many entries before the first row is read; in the
-- first slice it costs a 32nd. When a slice holds as many matches as the search ranks
-- (CANDIDATE_CAP), the match is broad and those are ranked; otherwise the next is asked, and the
-- whole index only for narrow matches, which are cheap in it.
CREATE INDEX "works_staff_search_sample32_idx" ON "works" USING GIN (works_search_vector("normalizedTitle", "contributors", "publisher", "rightsholderId", "status", "type")) WHERE "id" % 512 < 16;
CREATE INDEX "works_staff_search_sample4_idx" ON "works" USING GIN (works_search_vector("normalizedTitle", "contributors", "publisher", "rightsholderId", "status", "type")) WHERE "id" % 64 < 16;
