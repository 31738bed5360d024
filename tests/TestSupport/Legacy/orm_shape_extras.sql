-- Rows only the ORM-built database can hold (it has no CHECK or foreign key to refuse them).
INSERT INTO conversations (id, type, name, created_by_profile_id, created_by_profile_type, created_at, updated_at) VALUES
    (14, 'channel', 'Announcements', 2, 'tutor', '2025-02-03 06:00:00', '2025-02-03 06:00:00');
INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, user_id, role, joined_at, is_active) VALUES
    (14, 2, 'tutor', 3, 'admin', '2025-02-03 06:00:00', TRUE),
    (14, 7, 'advertiser', 999, 'member', '2025-02-03 06:00:00', TRUE);
INSERT INTO chat_messages (id, conversation_id, sender_profile_id, sender_profile_type, sender_user_id, message_type, content, created_at, updated_at) VALUES
    (140, 14, 2, 'tutor', 3, 'session_request', 'Session request: Saturday 10:00', '2025-02-03 06:10:00', '2025-02-03 06:10:00'),
    (141, 14, 7, 'advertiser', 999, 'text', 'Buy our books!', '2025-02-03 06:20:00', '2025-02-03 06:20:00');
