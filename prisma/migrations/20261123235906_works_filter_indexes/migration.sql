-- CreateIndex
CREATE INDEX "works_rightsholder_status_rare_idx" ON "works"("rightsholderId", "status", "id") WHERE (status <> 'ENROLLED'::"WorkStatus");

-- CreateIndex
CREATE INDEX "works_rightsholder_excluded_idx" ON "works"("rightsholderId", "excludedFrom", "id") WHERE ("excludedFrom" IS NOT NULL);
