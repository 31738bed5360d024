using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;

namespace Astegni.Chat.Domain.Tests.Conversations;

public class ParticipantTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Participant NewParticipant()
    {
        var conversation = Conversation.OpenDirect(new UserId(1), new UserId(2), Now);
        return conversation.ActiveParticipant(new UserId(1))!;
    }

    [Test]
    public void NewParticipant_HasReadNothing()
    {
        var participant = NewParticipant();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(participant.LastReadMessageId, Is.Null);
            Assert.That(participant.LastReadAt, Is.Null);
        }
    }

    [Test]
    public void MarkReadUpTo_FirstTime_RecordsThePosition()
    {
        var participant = NewParticipant();
        var readAt = Now.AddMinutes(1);

        var moved = participant.MarkReadUpTo(new MessageId(10), readAt);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moved, Is.True);
            Assert.That(participant.LastReadMessageId, Is.EqualTo(new MessageId(10)));
            Assert.That(participant.LastReadAt, Is.EqualTo(readAt));
            Assert.That(participant.UpdatedAt, Is.EqualTo(readAt));
        }
    }

    [Test]
    public void MarkReadUpTo_ALaterMessage_MovesForward()
    {
        var participant = NewParticipant();
        participant.MarkReadUpTo(new MessageId(10), Now.AddMinutes(1));

        var moved = participant.MarkReadUpTo(new MessageId(11), Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moved, Is.True);
            Assert.That(participant.LastReadMessageId, Is.EqualTo(new MessageId(11)));
            Assert.That(participant.LastReadAt, Is.EqualTo(Now.AddMinutes(2)));
        }
    }

    [TestCase(9)]
    [TestCase(10)]
    public void MarkReadUpTo_AnOlderOrTheSameMessage_NeverMovesBack(int messageId)
    {
        var participant = NewParticipant();
        participant.MarkReadUpTo(new MessageId(10), Now.AddMinutes(1));

        var moved = participant.MarkReadUpTo(new MessageId(messageId), Now.AddMinutes(2));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(moved, Is.False);
            Assert.That(participant.LastReadMessageId, Is.EqualTo(new MessageId(10)));
            Assert.That(participant.LastReadAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(participant.UpdatedAt, Is.EqualTo(Now.AddMinutes(1)));
        }
    }
}
