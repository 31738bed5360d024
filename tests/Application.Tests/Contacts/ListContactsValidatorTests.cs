using Astegni.Chat.Application.Common;
using Astegni.Chat.Application.Contacts.ListContacts;

namespace Astegni.Chat.Application.Tests.Contacts;

public class ListContactsValidatorTests
{
    private readonly ListContactsValidator _validator = new();

    [Test]
    public void Validate_NothingGiven_IsAccepted() =>
        Assert.That(_validator.Validate(new ListContacts()).IsValid, Is.True);

    [Test]
    public void Validate_EveryOptionInRange_IsAccepted() =>
        Assert.That(_validator.Validate(new ListContacts("almaz", 100, new Cursor(0, 12).Encode())).IsValid, Is.True);

    [TestCase("")]
    [TestCase("  ")]
    public void Validate_BlankSearchText_IsRefused(string q) =>
        Assert.That(_validator.Validate(new ListContacts(q)).Codes(), Is.EqualTo(new[] { "invalid_search_query" }));

    [TestCase(0)]
    [TestCase(101)]
    public void Validate_ALimitOutOfRange_IsRefused(int limit) =>
        Assert.That(_validator.Validate(new ListContacts(Limit: limit)).Codes(), Is.EqualTo(new[] { "invalid_limit" }));

    [Test]
    public void Validate_ACursorNotHandedOut_IsRefused() =>
        Assert.That(_validator.Validate(new ListContacts(Cursor: "x")).Codes(), Is.EqualTo(new[] { "invalid_cursor" }));
}
