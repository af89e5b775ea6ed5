-- AlterTable
ALTER TABLE "works_imports" ADD COLUMN     "bytesProcessed" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "disputedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fileSize" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "works_rightsholderId_normalizedTitle_id_idx" ON "works"("rightsholderId", "normalizedTitle", "id");

-- CreateIndex
CREATE INDEX "works_rightsholderId_publicationYear_id_idx" ON "works"("rightsholderId", "publicationYear", "id");

-- ───────── by hand ─────────
-- Title search in the works lists: words of the normalised title, prefix-matched.
CREATE INDEX "works_title_search_idx" ON "works" USING GIN (to_tsvector('simple', "normalizedTitle"));

ALTER TABLE "works_imports" ADD CONSTRAINT "works_imports_progress_check" CHECK (
  "fileSize" >= 0 AND "bytesProcessed" >= 0 AND "processedRows" >= 0
  AND "createdCount" >= 0 AND "updatedCount" >= 0 AND "unchangedCount" >= 0 AND "rejectedCount" >= 0 AND "disputedCount" >= 0);
