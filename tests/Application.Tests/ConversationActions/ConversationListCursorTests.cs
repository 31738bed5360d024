using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.ListConversations;
using Astegni.Chat.Domain.Common;

namespace Astegni.Chat.Application.Tests.ConversationActions;

public class ConversationListCursorTests
{
    private static readonly DateTimeOffset Activity = new(2026, 5, 4, 10, 30, 15, TimeSpan.Zero);

    [TestCase(true)]
    [TestCase(false)]
    public void Encode_ThenDecode_GivesTheSamePosition(bool pinned)
    {
        var cursor = new ConversationListCursor(pinned, Activity.AddTicks(7), new ConversationId(42));

        var decoded = ConversationListCursor.TryDecode(cursor.Encode(), out var back);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(back, Is.EqualTo(cursor));
        }
    }

    [Test]
    public void APlainCursor_IsAPositionAmongTheUnpinned()
    {
        var plain = new Cursor(Activity.UtcTicks, 42).Encode();

        var decoded = ConversationListCursor.TryDecode(plain, out var cursor);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Is.True);
            Assert.That(cursor.Pinned, Is.False);
            Assert.That(cursor.Activity, Is.EqualTo(Activity));
            Assert.That(cursor.Id, Is.EqualTo(new ConversationId(42)));
        }
    }

    [Test]
    public void APinnedCursor_IsNotAPlainCursor()
    {
        var pinned = new ConversationListCursor(true, Activity, new ConversationId(42)).Encode();

        Assert.That(Cursor.TryDecode(pinned, out _), Is.False);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("p.")]
    [TestCase("p.garbage!")]
    [TestCase("x.MTox")]
    [TestCase("p.p.MTox")]
    public void TryDecode_TextThisServiceDidNotHandOut_IsRefused(string? text) =>
        Assert.That(ConversationListCursor.TryDecode(text, out _), Is.False);

    [Test]
    public void ListConversationsValidator_AcceptsBothKindsOfCursor()
    {
        var validator = new ListConversationsValidator();
        var pinned = new ConversationListCursor(true, Activity, new ConversationId(3)).Encode();
        var unpinned = new ConversationListCursor(false, Activity, new ConversationId(3)).Encode();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validator.Validate(new ListConversations(Cursor: pinned)).IsValid, Is.True);
            Assert.That(validator.Validate(new ListConversations(Cursor: unpinned)).IsValid, Is.True);
            Assert.That(validator.Validate(new ListConversations(Cursor: "p.zz")).Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
        }
    }

    [TestCase("a")]
    [TestCase("ሰላም")]
    [TestCase(" abebe ")]
    public void ListConversationsValidator_AcceptsSearchText(string q) =>
        Assert.That(new ListConversationsValidator().Validate(new ListConversations(Query: q)).IsValid, Is.True);

    [TestCase("")]
    [TestCase("   ")]
    public void ListConversationsValidator_RefusesEmptySearchText(string q) =>
        Assert.That(new ListConversationsValidator().Validate(new ListConversations(Query: q)).Codes(), Is.EqualTo(new[] { "invalid_search_query" }));

    [Test]
    public void ListConversationsValidator_SearchTextUpTo200Characters()
    {
        var validator = new ListConversationsValidator();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(validator.Validate(new ListConversations(Query: new string('a', 200))).IsValid, Is.True);
            Assert.That(validator.Validate(new ListConversations(Query: new string('a', 201))).Codes(), Is.EqualTo(new[] { "invalid_search_query" }));
        }
    }
}
