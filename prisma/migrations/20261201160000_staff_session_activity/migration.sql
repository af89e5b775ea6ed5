-- CreateTable
CREATE TABLE "session_activity" (
    "id" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "session_activity_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "session_activity_userId_lastSeenAt_idx" ON "session_activity"("userId", "lastSeenAt");

-- AddForeignKey
ALTER TABLE "session_activity" ADD CONSTRAINT "session_activity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
