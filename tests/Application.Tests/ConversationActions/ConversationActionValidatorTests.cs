using Astegni.Chat.Application.Conversations.ArchiveConversation;
using Astegni.Chat.Application.Conversations.ClearConversationHistory;
using Astegni.Chat.Application.Conversations.DeleteConversation;
using Astegni.Chat.Application.Conversations.GetReadStatus;
using Astegni.Chat.Application.Conversations.MuteConversation;
using Astegni.Chat.Application.Conversations.PinConversation;
using FluentValidation.Results;

namespace Astegni.Chat.Application.Tests.ConversationActions;

public class ConversationActionValidatorTests
{
    private static ValidationResult[] ValidateAll(int conversationId) =>
    [
        new MuteConversationValidator().Validate(new MuteConversation(conversationId, Muted: true)),
        new ArchiveConversationValidator().Validate(new ArchiveConversation(conversationId, Archived: true)),
        new PinConversationValidator().Validate(new PinConversation(conversationId, Pinned: true)),
        new ClearConversationHistoryValidator().Validate(new ClearConversationHistory(conversationId)),
        new DeleteConversationValidator().Validate(new DeleteConversation(conversationId)),
        new GetReadStatusValidator().Validate(new GetReadStatus(conversationId)),
    ];

    [Test]
    public void Validate_APositiveConversationId_IsAccepted() =>
        Assert.That(ValidateAll(5), Has.All.Matches<ValidationResult>(r => r.IsValid));

    [TestCase(0)]
    [TestCase(-3)]
    public void Validate_ANonPositiveConversationId_IsRefusedAsInvalidConversationId(int conversationId) =>
        Assert.That(ValidateAll(conversationId).Select(r => string.Join(",", r.Codes())), Has.All.EqualTo("invalid_conversation_id"));

    [Test]
    public void Validate_AMuteEndInThePast_IsLeftToTheParticipantRule_WhichKnowsTheClock()
    {
        var result = new MuteConversationValidator().Validate(new MuteConversation(5, Muted: true, DateTimeOffset.UnixEpoch));

        Assert.That(result.IsValid, Is.True);
    }
}
