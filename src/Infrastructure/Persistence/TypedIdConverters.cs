using Astegni.Chat.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Astegni.Chat.Infrastructure.Persistence;

internal static class TypedIdConverters
{
    internal sealed class UserIdConverter() : ValueConverter<UserId, int>(id => id.Value, value => new UserId(value));

    internal sealed class ConversationIdConverter()
        : ValueConverter<ConversationId, int>(id => id.Value, value => new ConversationId(value));

    internal sealed class MessageIdConverter() : ValueConverter<MessageId, int>(id => id.Value, value => new MessageId(value));

    internal sealed class MediaIdConverter() : ValueConverter<MediaId, int>(id => id.Value, value => new MediaId(value));

    internal sealed class CallIdConverter() : ValueConverter<CallId, int>(id => id.Value, value => new CallId(value));

    internal sealed class BlockIdConverter() : ValueConverter<BlockId, int>(id => id.Value, value => new BlockId(value));

    internal sealed class ParticipantIdConverter()
        : ValueConverter<ParticipantId, int>(id => id.Value, value => new ParticipantId(value));
}
