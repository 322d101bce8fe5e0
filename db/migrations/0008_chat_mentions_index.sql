-- Mention badges count the unread messages that mention the reader: only messages
-- with mentions are indexed, so a long unread channel is not read to the end.
CREATE INDEX "messages_channel_mentions_idx" ON "messages" USING btree ("channel_id", "seq") WHERE cardinality("mentions") > 0;
