using Astegni.Chat.Api.Endpoints;
using Astegni.Chat.Api.Http;
using Astegni.Chat.Application.Blocks.UnblockProfile;
using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Application.Messages.SendMessage;
using Astegni.Chat.Domain.Blocks;
using Astegni.Chat.Domain.Calls;
using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Media;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Domain.Policies;

namespace Astegni.Chat.Api.OpenApi;

/// <summary>
/// The refusals each operation's use case can answer beyond its validators (whose codes are read from
/// the validators), by the endpoint handler's name. The errors are referenced, never spelled, so a code
/// cannot drift; a test fails when an endpoint has no entry.
/// </summary>
public static class OperationRefusals
{
    private static readonly Dictionary<string, Error[]> ByEndpoint = new(StringComparer.Ordinal)
    {
        ["ListConversations"] = [],
        ["CreateConversation"] = [ConversationEndpoints.UnsupportedType, ConversationEndpoints.DirectNeedsOneUser, UserErrors.NotFound, PolicyErrors.RecipientUnavailable, PolicyErrors.YouBlockedRecipient, PolicyErrors.ConnectionsOnly, PolicyErrors.NotAccepting, ConversationErrors.NotFound, GroupErrors.InvalidName, GroupErrors.DescriptionTooLong, GroupErrors.MemberLimitReached],
        ["GetConversation"] = [ConversationErrors.NotFound],
        ["UpdateGroup"] = [ConversationErrors.NotFound, GroupErrors.NotAGroup, GroupErrors.NotGroupAdmin, GroupErrors.InvalidName, GroupErrors.DescriptionTooLong],
        ["AddParticipants"] = [ConversationErrors.NotFound, GroupErrors.NotAGroup, GroupErrors.NotGroupAdmin],
        ["RemoveParticipant"] = [ConversationErrors.NotFound, GroupErrors.NotAGroup, GroupErrors.NotGroupAdmin, GroupErrors.ParticipantNotFound],
        ["ChangeParticipantRole"] = [ConversationErrors.NotFound, GroupErrors.NotAGroup, GroupErrors.NotGroupAdmin, GroupErrors.ParticipantNotFound, GroupErrors.NeedsAnAdmin],
        ["MarkConversationRead"] = [ConversationErrors.NotFound, ConversationErrors.MessageNotInConversation],
        ["MuteConversation"] = [ConversationErrors.NotFound, Participant.MuteEndsInThePast],
        ["ArchiveConversation"] = [ConversationErrors.NotFound],
        ["PinConversation"] = [ConversationErrors.NotFound],
        ["ClearConversationHistory"] = [ConversationErrors.NotFound],
        ["DeleteConversation"] = [ConversationErrors.NotFound],
        ["GetReadStatus"] = [ConversationErrors.NotFound],
        ["GetHistory"] = [ConversationErrors.NotFound],
        ["SendMessage"] = [SendMessageHandler.ClientIdReused, ConversationErrors.NotFound, PolicyErrors.RecipientUnavailable, PolicyErrors.YouBlockedRecipient, PolicyErrors.ConnectionsOnly, PolicyErrors.NotAccepting, MessageErrors.NotFound, MessageErrors.NotForwardable, MessageErrors.ForwardingDisabled, MessageBody.EmptyText, MessageBody.TextTooLong, MessageBody.InvalidLocation, MediaErrors.NotFound, MediaErrors.TypeMismatch],
        ["EditMessage"] = [MessageErrors.NotFound, PolicyErrors.RecipientUnavailable, PolicyErrors.YouBlockedRecipient, PolicyErrors.ConnectionsOnly, PolicyErrors.NotAccepting, MessageBody.EmptyText, MessageBody.TextTooLong, MessageErrors.Deleted, MessageErrors.NotAuthor, MessageErrors.NotEditable, MessageErrors.EditWindowPassed],
        ["DeleteMessage"] = [MessageErrors.NotFound, MessageErrors.DeleteNotAllowed, MessageErrors.DeleteWindowPassed],
        ["ReactToMessage"] = [MessageErrors.NotFound, PolicyErrors.RecipientUnavailable, PolicyErrors.YouBlockedRecipient, PolicyErrors.ConnectionsOnly, PolicyErrors.NotAccepting, MessageErrors.InvalidReaction, MessageErrors.Deleted],
        ["RemoveReaction"] = [MessageErrors.NotFound],
        ["PinMessage"] = [MessageErrors.NotFound, MessageErrors.PinNotAllowed, MessageErrors.Deleted],
        ["UnpinMessage"] = [MessageErrors.NotFound, MessageErrors.PinNotAllowed],
        ["SearchMessages"] = [ConversationErrors.NotFound, SearchMessagesHandler.TimedOut],
        ["BlockUser"] = [Block.CannotBlockSelf, UserErrors.NotFound],
        ["UnblockUser"] = [],
        ["ListBlockedUsers"] = [],
        ["GetPrivacySettings"] = [],
        ["UpdatePrivacySettings"] = [],
        ["ListContacts"] = [],
        ["GetUserStatuses"] = [PresenceEndpoints.MalformedUserIds],
        ["ExportMyChatData"] = [],
        ["DeleteMyChatData"] = [],
        ["StartCall"] = [ConversationErrors.NotFound, PolicyErrors.RecipientUnavailable, PolicyErrors.YouBlockedRecipient, CallPolicy.ConnectionsOnly, CallPolicy.NotAccepting, CallErrors.InProgress, CallErrors.NobodyToCall],
        ["UpdateCall"] = [CallErrors.NotFound, CallErrors.CallerCannotAnswer, CallErrors.CallerCannotDecline, CallErrors.OnlyCallerCancels, CallErrors.AlreadyAnswered, CallErrors.NotAnswered, CallErrors.Finished],
        ["ListCalls"] = [ConversationErrors.NotFound],
        ["GetIceServers"] = [],
        ["UploadMedia"] = [MultipartUpload.NotMultipart, MultipartUpload.TruncatedMultipart, MediaErrors.Missing, MediaErrors.Empty, MediaErrors.TypeNotAllowed, MediaErrors.QuotaExceeded(0), MediaErrors.TooLarge(MediaKind.File, 0)],
        ["DownloadMedia"] = [MediaErrors.NotFound],
        ["DownloadSignedMedia"] = [MediaErrors.LinkInvalid, MediaErrors.LinkExpired, MediaErrors.NotFound],

        // The old chat modal's routes (LegacyModalEndpoints).
        ["SignalTyping"] = [ConversationErrors.NotFound],
        ["ListTypingUsers"] = [ConversationErrors.NotFound],
        ["ReportPresence"] = [],
        ["UnblockProfile"] = [UnblockProfileHandler.ProfileNotFound],
    };

    public static bool Covers(string endpoint) => ByEndpoint.ContainsKey(endpoint);

    public static IReadOnlyList<Error> For(string endpoint) => ByEndpoint.GetValueOrDefault(endpoint) ?? [];
}
