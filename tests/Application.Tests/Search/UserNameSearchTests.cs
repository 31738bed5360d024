using Astegni.Chat.Application.Conversations.Views;

namespace Astegni.Chat.Application.Tests.Search;

public class UserNameSearchTests
{
    [TestCase("Abebe", "abebe")]
    [TestCase("  ABEBE   Tadesse ", "abebe tadesse")]
    [TestCase("ሰላም\tዓለም", "ሰላም ዓለም")]
    public void Needle_IsTrimmedLowerCasedWithSingleSpaces(string text, string needle) =>
        Assert.That(UserNameSearch.Needle(text), Is.EqualTo(needle));
}
