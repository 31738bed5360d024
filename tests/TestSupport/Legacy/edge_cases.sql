-- Rows that exercise every rule of the legacy upgrade. Written for both legacy shapes: columns left
-- out get the server default in the script shape and NULL in the ORM shape, as in real databases.
-- Times are server-local wall time (the legacy backend wrote NOW()); the tests read them in Africa/Addis_Ababa.
INSERT INTO users (id, email, first_name, father_name, last_name) VALUES
    (1, 'abebe@astegni.et', 'Abebe', 'Kebede', 'Tadesse'),   -- tutor #1 and parent #1: one person, two profiles
    (2, 'almaz@astegni.et', 'Almaz', 'Tesfaye', NULL),       -- student #1: same profile id as tutor #1, another person
    (3, 'dawit@astegni.et', 'Dawit', 'Bekele', 'Girma'),     -- student #2 and tutor #2: talks to himself
    (4, 'hana@astegni.et', 'Hana', 'Mulugeta', 'Alemu'),     -- parent #2
    (5, 'selam@astegni.et', 'Selam', NULL, NULL),            -- student #3
    (6, 'tigist@astegni.et', 'Tigist', 'Haile', NULL);       -- tutor #3
SELECT setval(pg_get_serial_sequence('users', 'id'), 6);
INSERT INTO student_profiles (id, user_id) VALUES (1, 2), (2, 3), (3, 5);
INSERT INTO tutor_profiles (id, user_id) VALUES (1, 1), (2, 3), (3, 6);
INSERT INTO parent_profiles (id, user_id) VALUES (1, 1), (2, 4);
SELECT setval(pg_get_serial_sequence('student_profiles', 'id'), 3);
SELECT setval(pg_get_serial_sequence('tutor_profiles', 'id'), 3);
SELECT setval(pg_get_serial_sequence('parent_profiles', 'id'), 2);
INSERT INTO connections (requested_by, requester_type, recipient_id, recipient_type, status, requested_at, connected_at, updated_at)
VALUES (2, 'student', 1, 'tutor', 'accepted', '2025-01-05 10:00:00', '2025-01-05 11:00:00', '2025-01-05 11:00:00');

-- 10 and 11: two direct chats of the same two people (Abebe as tutor, then as parent, with Almaz).
-- 12: Dawit's student profile talking to his tutor profile. 13: a group holding Abebe twice.
INSERT INTO conversations (id, type, name, created_by_profile_id, created_by_profile_type, created_at, updated_at, last_message_at) VALUES
    (10, 'direct', NULL, 1, 'tutor', '2025-02-01 09:00:00', '2025-02-01 09:00:00', '2025-02-01 09:30:00'),
    (11, 'direct', NULL, 1, 'parent', '2025-02-01 09:10:00', '2025-02-01 09:10:00', '2025-02-01 09:25:00'),
    (12, 'direct', NULL, 2, 'student', '2025-02-02 08:00:00', '2025-02-02 08:00:00', '2025-02-02 08:05:00'),
    (13, 'group', 'Grade 9 Math', 2, 'tutor', '2025-02-03 07:00:00', '2025-02-03 07:00:00', '2025-02-03 07:20:00'),
    (15, 'direct', NULL, 2, 'parent', '2025-02-04 07:00:00', '2025-02-04 07:00:00', NULL);
SELECT setval(pg_get_serial_sequence('conversations', 'id'), 20);

INSERT INTO conversation_participants (conversation_id, profile_id, profile_type, user_id, role, joined_at, last_read_at, is_active, chat_cleared_at) VALUES
    (10, 1, 'tutor', 1, 'member', '2025-02-01 09:00:00', '2025-02-01 09:30:00', TRUE, NULL),
    (10, 1, 'student', 2, 'member', '2025-02-01 09:00:00', '2025-02-01 09:05:00', TRUE, NULL),
    (11, 1, 'parent', 1, 'member', '2025-02-01 09:10:00', NULL, TRUE, NULL),
    (11, 1, 'student', 2, 'member', '2025-02-01 09:10:00', '2025-02-01 09:26:00', TRUE, NULL),
    (12, 2, 'student', 3, 'member', '2025-02-02 08:00:00', NULL, TRUE, NULL),
    (12, 2, 'tutor', 3, 'member', '2025-02-02 08:00:00', NULL, TRUE, NULL),
    (13, 2, 'tutor', 3, 'admin', '2025-02-03 07:00:00', NULL, TRUE, NULL),
    (13, 1, 'student', 2, 'member', '2025-02-03 07:01:00', NULL, TRUE, NULL),
    (13, 1, 'tutor', 1, 'member', '2025-02-03 07:02:00', NULL, TRUE, NULL),
    (13, 1, 'parent', 1, 'admin', '2025-02-03 07:05:00', NULL, TRUE, NULL),
    (15, 2, 'parent', 4, 'member', '2025-02-04 07:00:00', NULL, TRUE, NULL),
    (15, 3, 'tutor', 6, 'member', '2025-02-04 07:00:00', NULL, TRUE, NULL);

-- Content: 100 and 110 are Fernet tokens under the legacy key; 103 is a token under some other key
-- (must be kept byte for byte, never shown as text); the rest is plaintext.
INSERT INTO chat_messages (id, conversation_id, sender_profile_id, sender_profile_type, sender_user_id, message_type, content, created_at, updated_at, is_pinned, pinned_by_profile_id, pinned_by_profile_type, deleted_for_user_ids) VALUES
    (100, 10, 1, 'tutor', 1, 'text', 'gAAAAABrBSfgAAECAwQFBgcICQoLDA0ODzNSqRR9vSl23Ye9rku2bS54QSzEomW13XgWva2B6McO9qq5l0QZ1dt3AXiOis-JMA==', '2025-02-01 09:01:00', '2025-02-01 09:01:00', FALSE, NULL, NULL, '[]'),
    (101, 10, 1, 'student', 2, 'text', 'Thank you, teacher!', '2025-02-01 09:20:00', '2025-02-01 09:20:00', TRUE, 1, 'tutor', '[]'),
    (102, 10, 1, 'tutor', 1, 'text', 'Homework is on page 12', '2025-02-01 09:30:00', '2025-02-01 09:30:00', FALSE, NULL, NULL, '[2]'),
    (103, 10, 1, 'tutor', 1, 'text', 'gAAAAABnotdecryptablewiththelegacykeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', '2025-02-01 09:29:00', '2025-02-01 09:29:00', FALSE, NULL, NULL, '[]'),
    (110, 11, 1, 'parent', 1, 'text', 'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==', '2025-02-01 09:15:00', '2025-02-01 09:15:00', FALSE, NULL, NULL, '[]'),
    (111, 11, 1, 'student', 2, 'image', NULL, '2025-02-01 09:25:00', '2025-02-01 09:25:00', FALSE, NULL, NULL, '[]'),
    (120, 12, 2, 'student', 3, 'text', 'Note to self: prepare the algebra quiz', '2025-02-02 08:05:00', '2025-02-02 08:05:00', FALSE, NULL, NULL, '[]'),
    (130, 13, 1, 'parent', 1, 'text', 'When is the next session?', '2025-02-03 07:10:00', '2025-02-03 07:10:00', FALSE, NULL, NULL, '[]'),
    (131, 13, 2, 'tutor', 3, 'text', 'Saturday at 10', '2025-02-03 07:20:00', '2025-02-03 07:20:00', FALSE, NULL, NULL, '[]');
UPDATE chat_messages SET media_url = '/uploads/chat/worksheet.png', media_metadata = '{"width": 800, "height": 600}' WHERE id = 111;
UPDATE chat_messages SET reply_to_id = 101 WHERE id = 102;
SELECT setval(pg_get_serial_sequence('chat_messages', 'id'), 200);

-- Abebe reacted to 101 from both profiles; the tutor row carries a wrong user id (2) that only the
-- profile can correct.
INSERT INTO message_reactions (message_id, profile_id, profile_type, user_id, reaction, created_at) VALUES
    (101, 1, 'tutor', 2, '👍', '2025-02-01 09:21:00'),
    (101, 1, 'parent', 1, '❤️', '2025-02-01 09:22:00'),
    (130, 1, 'student', 2, '👍', '2025-02-03 07:11:00');

-- Abebe blocked Dawit from both of his profiles (one user-level block, the earliest); Hana blocked Tigist.
INSERT INTO blocked_chat_contacts (blocker_profile_id, blocker_profile_type, blocker_user_id, blocked_profile_id, blocked_profile_type, blocked_user_id, reason, blocked_at) VALUES
    (1, 'tutor', 1, 2, 'student', 3, 'spam', '2025-02-05 10:00:00'),
    (1, 'parent', 1, 2, 'tutor', 3, NULL, '2025-02-06 10:00:00'),
    (2, 'parent', 4, 3, 'tutor', 6, 'rude', '2025-02-07 10:00:00');

-- Abebe's two settings rows: the most restrictive privacy value wins, the newest row's preferences stay.
INSERT INTO chat_settings (user_id, profile_id, profile_type, who_can_message, last_seen_visibility, read_receipts, online_status, font_size, created_at, updated_at) VALUES
    (1, 1, 'tutor', 'connections', 'everyone', TRUE, TRUE, 'large', '2025-01-01 08:00:00', '2025-01-10 08:00:00'),
    (1, 1, 'parent', 'everyone', 'nobody', FALSE, TRUE, 'small', '2025-01-02 08:00:00', '2025-01-20 08:00:00'),
    (3, 2, 'tutor', 'friends', 'everyone', TRUE, TRUE, 'medium', '2025-01-03 08:00:00', '2025-01-03 08:00:00');

-- The old client logged each call once per side.
INSERT INTO call_logs (conversation_id, caller_profile_id, caller_profile_type, caller_user_id, call_type, status, started_at, answered_at, ended_at, duration_seconds, created_at) VALUES
    (10, 1, 'tutor', 1, 'video', 'ended', '2025-02-01 10:00:00', '2025-02-01 10:00:05', '2025-02-01 10:05:05', 300, '2025-02-01 10:00:00'),
    (10, 1, 'tutor', 1, 'video', 'answered', '2025-02-01 10:00:01', '2025-02-01 10:00:05', NULL, NULL, '2025-02-01 10:00:01'),
    (11, 1, 'student', 2, 'voice', 'missed', '2025-02-01 11:00:00', NULL, NULL, NULL, '2025-02-01 11:00:00');
