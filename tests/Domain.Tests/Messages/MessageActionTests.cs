using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Conversations;
using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Domain.Tests.Messages;

public class MessageActionTests
{
    private static readonly DateTimeOffset SentAt = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(48);
    private static readonly UserId Author = new(7);
    private static readonly UserId Other = new(42);

    private static MessageBody Text(string content) => MessageBody.Text(content).Value;

    private static Message Sent(string content = "selam", UserId? by = null, MessageOrigin? origin = null) =>
        Post(by ?? Author, Text(content), origin);

    private static Message Post(UserId sender, MessageBody body, MessageOrigin? origin = null)
    {
        var conversation = Conversation.OpenDirect(Author, Other, SentAt);
        var message = conversation.Post(sender, body, null, SentAt, origin).Value;
        message.ClearDomainEvents();
        return message;
    }

    // ---- Edit ----

    [Test]
    public void Edit_ByTheAuthorWithinTheWindow_ReplacesTheText_KeepsThePreviousOne_AndMarksItEdited()
    {
        var message = Sent("see you at 4");
        var at = SentAt.AddHours(1);

        var result = message.Edit(Author, Text("see you at 5"), at, Window);

        Assert.That(result.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Content, Is.EqualTo("see you at 5"));
            Assert.That(message.OriginalContent, Is.EqualTo("see you at 4"));
            Assert.That(message.IsEdited, Is.True);
            Assert.That(message.EditedAt, Is.EqualTo(at));
            Assert.That(message.UpdatedAt, Is.EqualTo(at));
        }
    }

    [Test]
    public void Edit_RaisesMessageEditedByTheEditor()
    {
        var message = Sent();

        message.Edit(Author, Text("changed"), SentAt.AddMinutes(1), Window);

        var edited = message.DomainEvents.OfType<MessageEdited>().Single();
        Assert.That(edited.Message, Is.SameAs(message));
        Assert.That(edited.EditedBy, Is.EqualTo(Author));
    }

    [Test]
    public void Edit_Twice_KeepsTheTextBeforeTheLatestEdit()
    {
        var message = Sent("one");

        message.Edit(Author, Text("two"), SentAt.AddMinutes(1), Window);
        message.Edit(Author, Text("three"), SentAt.AddMinutes(2), Window);

        Assert.That(message.Content, Is.EqualTo("three"));
        Assert.That(message.OriginalContent, Is.EqualTo("two"));
    }

    [Test]
    public void Edit_WithTheSameText_ChangesNothing_AndRaisesNothing()
    {
        var message = Sent("same");

        var result = message.Edit(Author, Text("same"), SentAt.AddMinutes(1), Window);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.IsEdited, Is.False);
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void Edit_BySomeoneElse_IsRefusedAsNotTheAuthor_AndChangesNothing()
    {
        var message = Sent("mine");

        var result = message.Edit(Other, Text("theirs"), SentAt.AddMinutes(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("not_message_author"));
        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(message.Content, Is.EqualTo("mine"));
        Assert.That(message.IsEdited, Is.False);
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void Edit_AtTheLastMomentOfTheWindow_IsAccepted()
    {
        var message = Sent();

        var result = message.Edit(Author, Text("just in time"), SentAt + Window, Window);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void Edit_AfterTheWindow_IsRefused_AndChangesNothing()
    {
        var message = Sent("old");

        var result = message.Edit(Author, Text("too late"), SentAt + Window + TimeSpan.FromSeconds(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("edit_window_passed"));
        Assert.That(message.Content, Is.EqualTo("old"));
    }

    [Test]
    public void Edit_WithAShorterConfiguredWindow_UsesThatWindow()
    {
        var message = Sent();

        var result = message.Edit(Author, Text("late"), SentAt.AddMinutes(16), TimeSpan.FromMinutes(15));

        Assert.That(result.Error?.Code, Is.EqualTo("edit_window_passed"));
    }

    [Test]
    public void Edit_OfASystemMessage_IsRefusedAsNotEditable()
    {
        var message = Post(Author, MessageBody.System("Session confirmed").Value);

        var result = message.Edit(Author, Text("Session cancelled"), SentAt.AddMinutes(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("message_not_editable"));
        Assert.That(message.Content, Is.EqualTo("Session confirmed"));
    }

    [Test]
    public void Edit_OfAForward_IsRefusedAsNotEditable()
    {
        var message = Sent("their words", origin: MessageOrigin.ForwardOf(new MessageId(5), Other));

        var result = message.Edit(Author, Text("my words"), SentAt.AddMinutes(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("message_not_editable"));
    }

    [Test]
    public void Edit_IntoASystemBody_IsRefusedAsNotEditable()
    {
        var message = Sent();

        var result = message.Edit(Author, MessageBody.System("official").Value, SentAt.AddMinutes(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("message_not_editable"));
        Assert.That(message.Type, Is.EqualTo(MessageType.Text));
    }

    [Test]
    public void Edit_OfADeletedMessage_IsRefused()
    {
        var message = Sent();
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        var result = message.Edit(Author, Text("back"), SentAt.AddMinutes(2), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("message_deleted"));
        Assert.That(message.Content, Is.Null);
    }

    // ---- Delete for everyone ----

    [Test]
    public void DeleteForEveryone_ByTheAuthorWithinTheWindow_ErasesTheContent_AndLeavesATombstone()
    {
        var message = Sent("oops");
        message.Edit(Author, Text("oops, edited"), SentAt.AddMinutes(1), Window);
        var at = SentAt.AddHours(2);

        var result = message.DeleteForEveryone(Author, actorIsGroupAdmin: false, at, Window);

        Assert.That(result.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.Content, Is.Null);
            Assert.That(message.OriginalContent, Is.Null, "the text before the edit is erased too");
            Assert.That(message.IsDeleted, Is.True);
            Assert.That(message.DeletedForEveryone, Is.True);
            Assert.That(message.DeletedAt, Is.EqualTo(at));
            Assert.That(message.Type, Is.EqualTo(MessageType.Text), "the tombstone keeps its place and kind");
            Assert.That(message.SenderUserId, Is.EqualTo(Author));
        }
    }

    [Test]
    public void DeleteForEveryone_RemovesReactionsAndThePin_AndSaysItWasPinned()
    {
        var message = Sent();
        message.React(Other, "👍", SentAt.AddMinutes(1));
        message.Pin(Other, actorMayPin: true, SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(2), Window);

        Assert.That(message.Reactions, Is.Empty);
        Assert.That(message.IsPinned, Is.False);
        var deleted = message.DomainEvents.OfType<MessageDeletedForEveryone>().Single();
        Assert.That(deleted.DeletedBy, Is.EqualTo(Author));
        Assert.That(deleted.WasPinned, Is.True);
    }

    [Test]
    public void DeleteForEveryone_AfterTheWindow_IsRefusedForTheAuthor_AndChangesNothing()
    {
        var message = Sent("kept");

        var result = message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt + Window + TimeSpan.FromSeconds(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("delete_window_passed"));
        Assert.That(message.Content, Is.EqualTo("kept"));
        Assert.That(message.IsDeleted, Is.False);
    }

    [Test]
    public void DeleteForEveryone_AtTheLastMomentOfTheWindow_IsAccepted()
    {
        var message = Sent();

        var result = message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt + Window, Window);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void DeleteForEveryone_BySomeoneElseWhoIsNoGroupAdmin_IsRefused()
    {
        var message = Sent("mine");

        var result = message.DeleteForEveryone(Other, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("delete_not_allowed"));
        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(message.Content, Is.EqualTo("mine"));
    }

    [Test]
    public void DeleteForEveryone_ByAGroupAdmin_WorksOnAnyonesMessage_EvenAfterTheWindow()
    {
        var message = Sent("spam");

        var result = message.DeleteForEveryone(Other, actorIsGroupAdmin: true, SentAt.AddDays(30), Window);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.IsDeleted, Is.True);
        Assert.That(message.DomainEvents.OfType<MessageDeletedForEveryone>().Single().DeletedBy, Is.EqualTo(Other));
    }

    [Test]
    public void DeleteForEveryone_ByAGroupAdmin_OfTheirOwnOldMessage_IsAccepted()
    {
        var message = Sent();

        var result = message.DeleteForEveryone(Author, actorIsGroupAdmin: true, SentAt.AddDays(30), Window);

        Assert.That(result.IsSuccess, Is.True);
    }

    [Test]
    public void DeleteForEveryone_Again_ChangesNothing_AndRaisesNothing()
    {
        var message = Sent();
        var first = SentAt.AddMinutes(1);
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, first, Window);
        message.ClearDomainEvents();

        var result = message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddDays(10), Window);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.DeletedAt, Is.EqualTo(first));
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void DeleteForEveryone_OfATombstone_BySomeoneElse_IsStillRefused()
    {
        var message = Sent();
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        var result = message.DeleteForEveryone(Other, actorIsGroupAdmin: false, SentAt.AddMinutes(2), Window);

        Assert.That(result.Error?.Code, Is.EqualTo("delete_not_allowed"));
    }

    // ---- Delete for me ----

    [Test]
    public void DeleteFor_AnyMember_RecordsADeletionForThemOnly_AndLeavesTheMessageIntact()
    {
        var message = Sent("still here for you");
        var at = SentAt.AddDays(100);

        var result = message.DeleteFor(Other, at);

        Assert.That(result.IsSuccess, Is.True);
        var deletion = message.Deletions.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(deletion.UserId, Is.EqualTo(Other));
            Assert.That(deletion.DeletedAt, Is.EqualTo(at));
            Assert.That(message.Content, Is.EqualTo("still here for you"));
            Assert.That(message.IsDeleted, Is.False);
            Assert.That(message.DomainEvents.OfType<MessageDeletedForUser>().Single().UserId, Is.EqualTo(Other));
        }
    }

    [Test]
    public void DeleteFor_Twice_RecordsOneDeletion_AndRaisesOnce()
    {
        var message = Sent();

        message.DeleteFor(Author, SentAt.AddMinutes(1));
        var again = message.DeleteFor(Author, SentAt.AddMinutes(2));

        Assert.That(again.IsSuccess, Is.True);
        Assert.That(message.Deletions, Has.Count.EqualTo(1));
        Assert.That(message.DomainEvents.OfType<MessageDeletedForUser>().Count(), Is.EqualTo(1));
    }

    [Test]
    public void DeleteFor_BothMembers_RecordsOneDeletionEach()
    {
        var message = Sent();

        message.DeleteFor(Author, SentAt.AddMinutes(1));
        message.DeleteFor(Other, SentAt.AddMinutes(1));

        Assert.That(message.Deletions.Select(d => d.UserId), Is.EquivalentTo(new[] { Author, Other }));
    }

    // ---- Reactions ----

    [Test]
    public void React_AddsOneReactionForTheUser_AndRaisesReactionsChanged()
    {
        var message = Sent();

        var result = message.React(Other, "❤️", SentAt.AddMinutes(1));

        Assert.That(result.IsSuccess, Is.True);
        var reaction = message.Reactions.Single();
        Assert.That(reaction.UserId, Is.EqualTo(Other));
        Assert.That(reaction.Value, Is.EqualTo("❤️"));
        Assert.That(message.DomainEvents.OfType<ReactionsChanged>().Single().ReactedBy, Is.EqualTo(Other));
    }

    [Test]
    public void React_Again_ReplacesTheUsersReaction()
    {
        var message = Sent();
        message.React(Other, "👍", SentAt.AddMinutes(1));

        message.React(Other, "😂", SentAt.AddMinutes(2));

        var reaction = message.Reactions.Single();
        Assert.That(reaction.Value, Is.EqualTo("😂"));
        Assert.That(reaction.CreatedAt, Is.EqualTo(SentAt.AddMinutes(2)));
    }

    [Test]
    public void React_WithTheSameReaction_ChangesNothing_AndRaisesNothing()
    {
        var message = Sent();
        message.React(Other, "👍", SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        message.React(Other, "👍", SentAt.AddMinutes(2));

        Assert.That(message.Reactions.Single().CreatedAt, Is.EqualTo(SentAt.AddMinutes(1)));
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void React_ByTwoUsers_KeepsOneReactionEach()
    {
        var message = Sent();

        message.React(Other, "👍", SentAt.AddMinutes(1));
        message.React(Author, "👍", SentAt.AddMinutes(1));

        Assert.That(message.Reactions.Select(r => r.UserId), Is.EquivalentTo(new[] { Author, Other }));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void React_WithNothing_IsRefusedAsInvalidReaction(string? reaction)
    {
        var message = Sent();

        var result = message.React(Other, reaction, SentAt.AddMinutes(1));

        Assert.That(result.Error?.Code, Is.EqualTo("invalid_reaction"));
        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Validation));
        Assert.That(message.Reactions, Is.Empty);
    }

    [TestCase(1, true)]
    [TestCase(50, true)]
    [TestCase(51, false)]
    public void React_Length_IsOneToFiftyCharacters(int length, bool accepted)
    {
        var message = Sent();

        var result = message.React(Other, new string('x', length), SentAt.AddMinutes(1));

        Assert.That(result.IsSuccess, Is.EqualTo(accepted));
    }

    [Test]
    public void React_ToADeletedMessage_IsRefused()
    {
        var message = Sent();
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        var result = message.React(Other, "👍", SentAt.AddMinutes(2));

        Assert.That(result.Error?.Code, Is.EqualTo("message_deleted"));
        Assert.That(message.Reactions, Is.Empty);
    }

    [Test]
    public void RemoveReaction_TakesBackOnlyThatUsersReaction()
    {
        var message = Sent();
        message.React(Other, "👍", SentAt.AddMinutes(1));
        message.React(Author, "🙏", SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        var result = message.RemoveReaction(Other);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.Reactions.Single().UserId, Is.EqualTo(Author));
        Assert.That(message.DomainEvents.OfType<ReactionsChanged>().Single().ReactedBy, Is.EqualTo(Other));
    }

    [Test]
    public void RemoveReaction_WithoutOne_ChangesNothing_AndRaisesNothing()
    {
        var message = Sent();
        message.React(Author, "🙏", SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        var result = message.RemoveReaction(Other);

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.Reactions, Has.Count.EqualTo(1));
        Assert.That(message.DomainEvents, Is.Empty);
    }

    // ---- Pins ----

    [Test]
    public void Pin_WhenAllowed_PinsTheMessage_RecordingWhoAndWhen()
    {
        var message = Sent();
        var at = SentAt.AddMinutes(3);

        var result = message.Pin(Other, actorMayPin: true, at);

        Assert.That(result.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.IsPinned, Is.True);
            Assert.That(message.PinnedAt, Is.EqualTo(at));
            Assert.That(message.PinnedByUserId, Is.EqualTo(Other));
            Assert.That(message.DomainEvents.OfType<MessagePinnedChanged>().Single().ChangedBy, Is.EqualTo(Other));
        }
    }

    [Test]
    public void Pin_WhenNotAllowed_IsRefused_AndChangesNothing()
    {
        var message = Sent();

        var result = message.Pin(Other, actorMayPin: false, SentAt.AddMinutes(1));

        Assert.That(result.Error?.Code, Is.EqualTo("pin_not_allowed"));
        Assert.That(result.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
        Assert.That(message.IsPinned, Is.False);
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void Pin_WhenAlreadyPinned_KeepsTheFirstPin_AndRaisesNothing()
    {
        var message = Sent();
        message.Pin(Author, actorMayPin: true, SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        var result = message.Pin(Other, actorMayPin: true, SentAt.AddMinutes(2));

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.PinnedByUserId, Is.EqualTo(Author));
        Assert.That(message.DomainEvents, Is.Empty);
    }

    [Test]
    public void Pin_ADeletedMessage_IsRefused()
    {
        var message = Sent();
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        var result = message.Pin(Author, actorMayPin: true, SentAt.AddMinutes(2));

        Assert.That(result.Error?.Code, Is.EqualTo("message_deleted"));
        Assert.That(message.IsPinned, Is.False);
    }

    [Test]
    public void Unpin_WhenAllowed_ClearsThePin()
    {
        var message = Sent();
        message.Pin(Author, actorMayPin: true, SentAt.AddMinutes(1));
        message.ClearDomainEvents();

        var result = message.Unpin(Other, actorMayPin: true, SentAt.AddMinutes(2));

        Assert.That(result.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message.IsPinned, Is.False);
            Assert.That(message.PinnedAt, Is.Null);
            Assert.That(message.PinnedByUserId, Is.Null);
            Assert.That(message.DomainEvents.OfType<MessagePinnedChanged>().Single().ChangedBy, Is.EqualTo(Other));
        }
    }

    [Test]
    public void Unpin_WhenNotAllowed_IsRefused_AndKeepsThePin()
    {
        var message = Sent();
        message.Pin(Author, actorMayPin: true, SentAt.AddMinutes(1));

        var result = message.Unpin(Other, actorMayPin: false, SentAt.AddMinutes(2));

        Assert.That(result.Error?.Code, Is.EqualTo("pin_not_allowed"));
        Assert.That(message.IsPinned, Is.True);
    }

    [Test]
    public void Unpin_WhenNotPinned_ChangesNothing_AndRaisesNothing()
    {
        var message = Sent();

        var result = message.Unpin(Author, actorMayPin: true, SentAt.AddMinutes(1));

        Assert.That(result.IsSuccess, Is.True);
        Assert.That(message.DomainEvents, Is.Empty);
    }

    // ---- Forward ----

    [Test]
    public void ForwardBy_CopiesTheBody_AndNamesTheAuthorAsTheOriginal()
    {
        var message = Sent("worth sharing", by: Author);

        var copy = message.ForwardBy(Other, originalAuthorDisablesForwarding: false);

        Assert.That(copy.IsSuccess, Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(copy.Value.Body.Type, Is.EqualTo(MessageType.Text));
            Assert.That(copy.Value.Body.Content, Is.EqualTo("worth sharing"));
            Assert.That(copy.Value.Origin.ForwardedFromId, Is.EqualTo(message.Id));
            Assert.That(copy.Value.Origin.ForwardedFromUserId, Is.EqualTo(Author));
            Assert.That(copy.Value.Origin.ReplyToId, Is.Null);
        }
    }

    [Test]
    public void ForwardBy_OfAForward_KeepsTheFirstOriginalAuthor()
    {
        var firstAuthor = new UserId(1000);
        var forward = Sent("passed along", by: Other, origin: MessageOrigin.ForwardOf(new MessageId(3), firstAuthor));

        var copy = forward.ForwardBy(Author, originalAuthorDisablesForwarding: false);

        Assert.That(forward.OriginalAuthorId, Is.EqualTo(firstAuthor));
        Assert.That(copy.Value.Origin.ForwardedFromUserId, Is.EqualTo(firstAuthor));
        Assert.That(copy.Value.Origin.ForwardedFromId, Is.EqualTo(forward.Id));
    }

    [Test]
    public void ForwardBy_WhenTheOriginalAuthorDisablesForwarding_IsRefused()
    {
        var message = Sent(by: Author);

        var copy = message.ForwardBy(Other, originalAuthorDisablesForwarding: true);

        Assert.That(copy.Error?.Code, Is.EqualTo("forwarding_disabled"));
        Assert.That(copy.Error?.Kind, Is.EqualTo(ErrorKind.Forbidden));
    }

    [Test]
    public void ForwardBy_TheAuthorThemself_IsAllowedDespiteTheirOwnSetting()
    {
        var message = Sent(by: Author);

        var copy = message.ForwardBy(Author, originalAuthorDisablesForwarding: true);

        Assert.That(copy.IsSuccess, Is.True);
    }

    [Test]
    public void ForwardBy_OfADeletedMessage_IsRefusedAsNotForwardable()
    {
        var message = Sent();
        message.DeleteForEveryone(Author, actorIsGroupAdmin: false, SentAt.AddMinutes(1), Window);

        var copy = message.ForwardBy(Other, originalAuthorDisablesForwarding: false);

        Assert.That(copy.Error?.Code, Is.EqualTo("message_not_forwardable"));
    }

    [Test]
    public void ForwardBy_OfASystemNotice_IsRefusedAsNotForwardable()
    {
        var message = Post(Author, MessageBody.System("Session confirmed for Saturday").Value);

        var copy = message.ForwardBy(Other, originalAuthorDisablesForwarding: false);

        Assert.That(copy.Error?.Code, Is.EqualTo("message_not_forwardable"));
    }
}
