-- CreateIndex
CREATE INDEX "Notification_userId_teamId_createdAt_idx" ON "Notification"("userId", "teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_teamId_readAt_idx" ON "Notification"("userId", "teamId", "readAt");
