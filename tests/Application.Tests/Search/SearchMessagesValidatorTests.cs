using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Conversations.Views;
using Astegni.Chat.Application.Messages.SearchMessages;

namespace Astegni.Chat.Application.Tests.Search;

public class SearchMessagesValidatorTests
{
    private readonly SearchMessagesValidator _validator = new();

    [Test]
    public void Validate_WordsAlone_AreAccepted() =>
        Assert.That(_validator.Validate(new SearchMessages("physics exam")).IsValid, Is.True);

    [Test]
    public void Validate_EveryOptionInRange_IsAccepted()
    {
        var query = new SearchMessages("ሰላም", ConversationId: 4, Cursor: new Cursor(0, 99).Encode(), Limit: 100);

        Assert.That(_validator.Validate(query).IsValid, Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t ")]
    public void Validate_NoWords_IsRefusedAsInvalidSearchQuery(string? q) =>
        Assert.That(_validator.Validate(new SearchMessages(q!)).Codes(), Is.EqualTo(new[] { "invalid_search_query" }));

    [Test]
    public void Validate_MoreThan200Characters_IsRefusedAsInvalidSearchQuery() =>
        Assert.That(
            _validator.Validate(new SearchMessages(new string('w', SearchTextRules.MaxLength + 1))).Codes(),
            Is.EqualTo(new[] { "invalid_search_query" }));

    [TestCase(0)]
    [TestCase(-1)]
    public void Validate_ANonPositiveConversationId_IsRefused(int conversationId) =>
        Assert.That(_validator.Validate(new SearchMessages("hi", conversationId)).Codes(), Is.EqualTo(new[] { "invalid_conversation_id" }));

    [Test]
    public void Validate_BadLimitAndCursor_ReportsBoth() =>
        Assert.That(
            _validator.Validate(new SearchMessages("hi", Cursor: "nope!", Limit: 0)).Codes(),
            Is.EqualTo(new[] { "invalid_cursor", "invalid_limit" }));
}
