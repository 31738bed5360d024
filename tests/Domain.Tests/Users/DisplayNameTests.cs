using Astegni.Chat.Domain.Users;

namespace Astegni.Chat.Domain.Tests.Users;

public class DisplayNameTests
{
    [TestCase("Abebe", "Kebede", "Bekele", "abebe@example.com", ExpectedResult = "Abebe Bekele")]
    [TestCase("  Abebe ", null, " Bekele  ", null, ExpectedResult = "Abebe Bekele")]
    public string Of_WithLastName_IsFirstAndLast(string? first, string? father, string? last, string? email) =>
        DisplayName.Of(first, father, last, email);

    [TestCase("Abebe", "Kebede", null, "abebe@example.com", ExpectedResult = "Abebe Kebede")]
    [TestCase("Abebe", " Kebede ", "   ", null, ExpectedResult = "Abebe Kebede")]
    public string Of_WithoutLastName_IsFirstAndFather(string? first, string? father, string? last, string? email) =>
        DisplayName.Of(first, father, last, email);

    [TestCase(null, null, null, "hanna.t@example.com", ExpectedResult = "hanna.t")]
    [TestCase("  ", "Kebede", "Bekele", "hanna.t@example.com", ExpectedResult = "hanna.t")]
    [TestCase("Hanna", null, null, "hanna.t@example.com", ExpectedResult = "hanna.t")]
    public string Of_WithoutAFullName_IsTheEmailLocalPart(string? first, string? father, string? last, string? email) =>
        DisplayName.Of(first, father, last, email);

    [TestCase("Hanna", null, null, null, ExpectedResult = "Hanna")]
    [TestCase(" Hanna ", "", "", "no-at-sign", ExpectedResult = "Hanna")]
    [TestCase("Hanna", null, null, "@example.com", ExpectedResult = "Hanna")]
    public string Of_WithOnlyAFirstNameAndNoUsableEmail_IsTheFirstName(string? first, string? father, string? last, string? email) =>
        DisplayName.Of(first, father, last, email);

    [TestCase(null, null, null, null)]
    [TestCase(" ", " ", " ", "")]
    [TestCase(null, "Kebede", "Bekele", "not-an-email")]
    [TestCase(null, null, null, "@example.com")]
    public void Of_WithNothingUsable_IsUnknownUser(string? first, string? father, string? last, string? email) =>
        Assert.That(DisplayName.Of(first, father, last, email), Is.EqualTo("Unknown User"));
}
