-- Astegni's profile-era database as its migration scripts built it: CHECK and UNIQUE constraints,
-- JSONB, server defaults, TIMESTAMP WITHOUT TIME ZONE written with the server's NOW().
CREATE TABLE users (
    id SERIAL PRIMARY KEY,
    email VARCHAR(255) UNIQUE,
    phone VARCHAR(50),
    first_name VARCHAR(100),
    father_name VARCHAR(100),
    grandfather_name VARCHAR(100),
    last_name VARCHAR(100),
    profile_picture VARCHAR(500),
    roles JSON,
    active_role VARCHAR(50),
    is_active BOOLEAN DEFAULT TRUE,
    account_status VARCHAR(50) DEFAULT 'active',
    created_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE student_profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES users(id), grade_level VARCHAR(50));
CREATE TABLE tutor_profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES users(id), bio TEXT);
CREATE TABLE parent_profiles (id SERIAL PRIMARY KEY, user_id INTEGER NOT NULL UNIQUE REFERENCES users(id), relationship VARCHAR(50));
CREATE TABLE advertiser_profiles (id SERIAL PRIMARY KEY, user_id INTEGER REFERENCES users(id), company_name VARCHAR(255));
CREATE TABLE connections (
    id SERIAL PRIMARY KEY,
    requested_by INTEGER NOT NULL REFERENCES users(id),
    requester_type VARCHAR(50),
    recipient_id INTEGER NOT NULL REFERENCES users(id),
    recipient_type VARCHAR(50),
    requester_profile_id INTEGER,
    recipient_profile_id INTEGER,
    status VARCHAR(20) DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'blocked')),
    requested_at TIMESTAMP DEFAULT NOW(),
    connected_at TIMESTAMP,
    updated_at TIMESTAMP DEFAULT NOW()
);

CREATE TABLE conversations (
    id SERIAL PRIMARY KEY,
    type VARCHAR(20) NOT NULL DEFAULT 'direct' CHECK (type IN ('direct', 'group')),
    name VARCHAR(255),
    description TEXT,
    avatar_url VARCHAR(500),
    created_by_profile_id INTEGER,
    created_by_profile_type VARCHAR(50),
    is_archived BOOLEAN DEFAULT FALSE,
    is_muted BOOLEAN DEFAULT FALSE,
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW(),
    last_message_at TIMESTAMP
);
CREATE TABLE conversation_participants (
    id SERIAL PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    profile_type VARCHAR(50) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    role VARCHAR(20) DEFAULT 'member' CHECK (role IN ('admin', 'member')),
    is_muted BOOLEAN DEFAULT FALSE,
    is_pinned BOOLEAN DEFAULT FALSE,
    last_read_at TIMESTAMP,
    last_read_message_id INTEGER,
    is_active BOOLEAN DEFAULT TRUE,
    joined_at TIMESTAMP DEFAULT NOW(),
    left_at TIMESTAMP,
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW(),
    chat_cleared_at TIMESTAMP,
    UNIQUE (conversation_id, profile_id, profile_type)
);
CREATE TABLE chat_messages (
    id SERIAL PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    sender_profile_id INTEGER NOT NULL,
    sender_profile_type VARCHAR(50) NOT NULL,
    sender_user_id INTEGER NOT NULL REFERENCES users(id),
    message_type VARCHAR(20) DEFAULT 'text'
        CHECK (message_type IN ('text', 'image', 'audio', 'video', 'file', 'system', 'location', 'gif')),
    content TEXT,
    media_url VARCHAR(500),
    media_metadata JSONB,
    reply_to_id INTEGER REFERENCES chat_messages(id),
    forwarded_from_id INTEGER REFERENCES chat_messages(id),
    is_edited BOOLEAN DEFAULT FALSE,
    edited_at TIMESTAMP,
    original_content TEXT,
    is_deleted BOOLEAN DEFAULT FALSE,
    deleted_at TIMESTAMP,
    deleted_for_everyone BOOLEAN DEFAULT FALSE,
    is_pinned BOOLEAN DEFAULT FALSE,
    pinned_at TIMESTAMP,
    pinned_by_profile_id INTEGER,
    pinned_by_profile_type VARCHAR(50),
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW(),
    deleted_for_user_ids JSONB DEFAULT '[]',
    is_forwarded BOOLEAN DEFAULT FALSE,
    forwarded_from_name VARCHAR(255),
    forwarded_from_avatar VARCHAR(500),
    forwarder_name VARCHAR(255),
    forwarder_avatar VARCHAR(500)
);
CREATE INDEX idx_chat_messages_conversation ON chat_messages (conversation_id, created_at);
CREATE TABLE message_reactions (
    id SERIAL PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    profile_type VARCHAR(50) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    reaction VARCHAR(50) NOT NULL,
    created_at TIMESTAMP DEFAULT NOW(),
    UNIQUE (message_id, profile_id, profile_type, reaction)
);
CREATE TABLE message_read_receipts (
    id SERIAL PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    profile_id INTEGER NOT NULL,
    profile_type VARCHAR(50) NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id),
    read_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE call_logs (
    id SERIAL PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    caller_profile_id INTEGER,
    caller_profile_type VARCHAR(50),
    caller_user_id INTEGER NOT NULL REFERENCES users(id),
    call_type VARCHAR(20) NOT NULL CHECK (call_type IN ('voice', 'video')),
    status VARCHAR(20) DEFAULT 'initiated'
        CHECK (status IN ('initiated', 'ringing', 'answered', 'missed', 'declined', 'cancelled', 'no_answer', 'ended', 'failed')),
    started_at TIMESTAMP DEFAULT NOW(),
    answered_at TIMESTAMP,
    ended_at TIMESTAMP,
    duration_seconds INTEGER,
    participants JSONB,
    created_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE blocked_chat_contacts (
    id SERIAL PRIMARY KEY,
    blocker_profile_id INTEGER NOT NULL,
    blocker_profile_type VARCHAR(50) NOT NULL,
    blocker_user_id INTEGER NOT NULL REFERENCES users(id),
    blocked_profile_id INTEGER NOT NULL,
    blocked_profile_type VARCHAR(50) NOT NULL,
    blocked_user_id INTEGER NOT NULL REFERENCES users(id),
    reason TEXT,
    blocked_at TIMESTAMP DEFAULT NOW(),
    block_type VARCHAR(20) DEFAULT 'full',
    UNIQUE (blocker_profile_id, blocker_profile_type, blocked_profile_id, blocked_profile_type)
);
CREATE TABLE chat_settings (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id),
    profile_id INTEGER,
    profile_type VARCHAR(50),
    who_can_message VARCHAR(20) DEFAULT 'everyone',
    allow_calls_from VARCHAR(20) DEFAULT 'everyone',
    allow_group_adds VARCHAR(20) DEFAULT 'everyone',
    allow_channel_adds VARCHAR(20) DEFAULT 'everyone',
    last_seen_visibility VARCHAR(20) DEFAULT 'everyone',
    profile_photo_visibility VARCHAR(20) DEFAULT 'everyone',
    about_visibility VARCHAR(20) DEFAULT 'everyone',
    groups_visibility VARCHAR(20) DEFAULT 'everyone',
    read_receipts BOOLEAN DEFAULT TRUE,
    online_status BOOLEAN DEFAULT TRUE,
    typing_indicators BOOLEAN DEFAULT TRUE,
    block_screenshots BOOLEAN DEFAULT FALSE,
    disable_forwarding BOOLEAN DEFAULT FALSE,
    hide_phone_number BOOLEAN DEFAULT FALSE,
    hide_email BOOLEAN DEFAULT FALSE,
    message_notifications BOOLEAN DEFAULT TRUE,
    sound_alerts BOOLEAN DEFAULT TRUE,
    mute_duration VARCHAR(20),
    mute_until TIMESTAMP,
    bubble_style VARCHAR(20) DEFAULT 'rounded',
    font_size VARCHAR(20) DEFAULT 'medium',
    message_density VARCHAR(20) DEFAULT 'comfortable',
    enter_key VARCHAR(20) DEFAULT 'send',
    auto_download VARCHAR(20) DEFAULT 'wifi',
    image_quality VARCHAR(20) DEFAULT 'high',
    default_translation VARCHAR(20),
    auto_translate BOOLEAN DEFAULT FALSE,
    tts_voice VARCHAR(50),
    created_at TIMESTAMP DEFAULT NOW(),
    updated_at TIMESTAMP DEFAULT NOW()
);
CREATE TABLE pinned_messages (
    id SERIAL PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    pinned_by_user_id INTEGER REFERENCES users(id),
    pinned_at TIMESTAMP DEFAULT NOW()
);
