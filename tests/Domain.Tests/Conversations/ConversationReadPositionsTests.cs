using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Domain.Tests.Conversations;

public class ConversationReadPositionsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Reader = new(1);
    private static readonly UserId Other = new(2);

    private static Conversation NewDirect()
    {
        var conversation = Conversation.OpenDirect(Reader, Other, Now);
        conversation.ClearDomainEvents();
        return conversation;
    }

    [Test]
    public void MarkRead_MovingForward_RecordsConversationRead()
    {
        var conversation = NewDirect();

        var result = conversation.MarkRead(Reader, new MessageId(10), Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(conversation.ActiveParticipant(Reader)!.LastReadMessageId, Is.EqualTo(new MessageId(10)));
            Assert.That(conversation.DomainEvents, Is.EqualTo(new[] { new ConversationRead(conversation, Reader, new MessageId(10)) }));
        }
    }

    [TestCase(9)]
    [TestCase(10)]
    public void MarkRead_NotMovingForward_RecordsNothing(int messageId)
    {
        var conversation = NewDirect();
        conversation.MarkRead(Reader, new MessageId(10), Now.AddMinutes(1));
        conversation.ClearDomainEvents();

        var result = conversation.MarkRead(Reader, new MessageId(messageId), Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.IsSuccess, Is.True);
            Assert.That(conversation.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void MarkRead_ByANonMember_IsRefusedAsNotFound()
    {
        var conversation = NewDirect();

        var result = conversation.MarkRead(new UserId(3), new MessageId(10), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Error?.Code, Is.EqualTo("conversation_not_found"));
            Assert.That(conversation.DomainEvents, Is.Empty);
        }
    }

    [Test]
    public void MarkRead_MovesOnlyTheReadersPosition()
    {
        var conversation = NewDirect();

        conversation.MarkRead(Reader, new MessageId(10), Now);

        Assert.That(conversation.ActiveParticipant(Other)!.LastReadMessageId, Is.Null);
    }
}
