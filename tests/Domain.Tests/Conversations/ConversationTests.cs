using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Tests.Conversations;

public class ConversationTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Alice = new(7);
    private static readonly UserId Bob = new(42);
    private static readonly UserId Carol = new(99);

    private static MessageBody Text(string content) => MessageBody.Text(content).Value;

    [TestCase(7, 42)]
    [TestCase(42, 7)]
    public void OpenDirect_WithTwoUsers_OrdersThePairLowHighWhoeverOpens(int caller, int other)
    {
        var conversation = Conversation.OpenDirect(new UserId(caller), new UserId(other), Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation.DirectUserLowId, Is.EqualTo(Alice));
            Assert.That(conversation.DirectUserHighId, Is.EqualTo(Bob));
            Assert.That(conversation.CreatedByUserId, Is.EqualTo(new UserId(caller)));
        }
    }

    [Test]
    public void OpenDirect_WithTwoUsers_IsADirectChatWithBothAsActiveMembers()
    {
        var conversation = Conversation.OpenDirect(Bob, Alice, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation.Type, Is.EqualTo(ConversationType.Direct));
            Assert.That(conversation.Participants, Has.Count.EqualTo(2));
            Assert.That(conversation.Participants.Select(p => p.UserId), Is.EquivalentTo(new[] { Alice, Bob }));
            Assert.That(conversation.Participants, Has.All.Matches<Participant>(p => p.IsActive));
            Assert.That(conversation.ActiveMemberIds, Is.EquivalentTo(new[] { Alice, Bob }));
            Assert.That(conversation.LastMessageAt, Is.Null);
        }
    }

    [Test]
    public void OpenDirect_RaisesConversationCreatedByTheCaller()
    {
        var conversation = Conversation.OpenDirect(Bob, Alice, Now);

        Assert.That(conversation.DomainEvents, Has.Count.EqualTo(1));
        var created = conversation.DomainEvents.Single() as ConversationCreated;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created, Is.Not.Null);
            Assert.That(created!.Conversation, Is.SameAs(conversation));
            Assert.That(created.CreatedBy, Is.EqualTo(Bob));
        }
    }

    [Test]
    public void OpenDirect_WithYourself_GivesYourNotesWithYouAsTheOnlyMember()
    {
        var conversation = Conversation.OpenDirect(Alice, Alice, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation.Type, Is.EqualTo(ConversationType.Notes));
            Assert.That(conversation.Participants.Select(p => p.UserId), Is.EqualTo(new[] { Alice }));
            Assert.That(conversation.DirectUserLowId, Is.EqualTo(Alice));
            Assert.That(conversation.DirectUserHighId, Is.EqualTo(Alice));
        }
    }

    [Test]
    public void Post_ByNonMember_IsRefusedAsConversationNotFoundAndRaisesNothing()
    {
        var conversation = Conversation.OpenDirect(Alice, Bob, Now);
        conversation.ClearDomainEvents();

        var posted = conversation.Post(Carol, Text("hello"), "c-1", Now.AddMinutes(1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(posted.IsSuccess, Is.False);
            Assert.That(posted.Error?.Code, Is.EqualTo("conversation_not_found"));
            Assert.That(posted.Error?.Kind, Is.EqualTo(ErrorKind.NotFound));
            Assert.That(conversation.DomainEvents, Is.Empty);
            Assert.That(conversation.LastMessageAt, Is.Null);
        }
    }

    [Test]
    public void Post_ByMember_ReturnsTheMessageAndMovesLastActivity()
    {
        var conversation = Conversation.OpenDirect(Alice, Bob, Now);
        var later = Now.AddMinutes(5);

        var posted = conversation.Post(Bob, Text("selam"), "client-1", later);

        Assert.That(posted.IsSuccess, Is.True);
        var message = posted.Value;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Content, Is.EqualTo("selam"));
            Assert.That(message.Type, Is.EqualTo(MessageType.Text));
            Assert.That(message.ClientMessageId, Is.EqualTo("client-1"));
            Assert.That(message.SenderUserId, Is.EqualTo(Bob));
            Assert.That(message.CreatedAt, Is.EqualTo(later));
            Assert.That(conversation.LastMessageAt, Is.EqualTo(later));
            Assert.That(conversation.UpdatedAt, Is.EqualTo(later));
        }
    }

    [Test]
    public void Post_ByMember_RaisesMessagePosted()
    {
        var conversation = Conversation.OpenDirect(Alice, Bob, Now);
        conversation.ClearDomainEvents();

        var message = conversation.Post(Alice, Text("hi"), null, Now).Value;

        Assert.That(conversation.DomainEvents, Has.Count.EqualTo(1));
        var posted = conversation.DomainEvents.Single() as MessagePosted;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(posted, Is.Not.Null);
            Assert.That(posted!.Message, Is.SameAs(message));
            Assert.That(posted.Conversation, Is.SameAs(conversation));
        }
    }

    [Test]
    public void Post_InYourNotes_IsAllowed()
    {
        var notes = Conversation.OpenDirect(Alice, Alice, Now);

        var posted = notes.Post(Alice, Text("remember the milk"), null, Now);

        Assert.That(posted.IsSuccess, Is.True);
    }

    [Test]
    public void OtherUserOf_InADirectChat_IsTheOtherPersonForEitherSide()
    {
        var conversation = Conversation.OpenDirect(Bob, Alice, Now);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(conversation.OtherUserOf(Alice), Is.EqualTo(Bob));
            Assert.That(conversation.OtherUserOf(Bob), Is.EqualTo(Alice));
        }
    }

    [Test]
    public void OtherUserOf_InNotes_IsNull()
    {
        var notes = Conversation.OpenDirect(Alice, Alice, Now);

        Assert.That(notes.OtherUserOf(Alice), Is.Null);
    }
}
