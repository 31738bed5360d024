using Astegni.Chat.Application.Privacy.UpdatePrivacySettings;

namespace Astegni.Chat.Application.Tests.Privacy;

public class UpdatePrivacySettingsValidatorTests
{
    private readonly UpdatePrivacySettingsValidator _validator = new();

    [Test]
    public void Validate_ChangingNothing_IsAccepted()
    {
        Assert.That(_validator.Validate(new UpdatePrivacySettings()).IsValid, Is.True);
    }

    [TestCase("everyone", "everyone", "everyone", "everyone")]
    [TestCase("connections", "connections", "connections", "connections")]
    [TestCase("none", "none", "none", "nobody")]
    public void Validate_KnownValues_AreAccepted(string message, string calls, string groupAdds, string lastSeen)
    {
        var result = _validator.Validate(new UpdatePrivacySettings(message, calls, groupAdds, lastSeen, OnlineStatus: false));

        Assert.That(result.IsValid, Is.True);
    }

    [TestCase("friends")]
    [TestCase("Everyone")]
    [TestCase("nobody")]
    [TestCase("")]
    public void Validate_AnUnknownAudience_IsRefusedListingTheAllowedValues(string value)
    {
        var result = _validator.Validate(new UpdatePrivacySettings(WhoCanMessage: value));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_privacy_value" }));
            Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("everyone, connections, none"));
        }
    }

    [TestCase("none")]
    [TestCase("friends")]
    public void Validate_AnUnknownLastSeenVisibility_IsRefusedListingTheAllowedValues(string value)
    {
        var result = _validator.Validate(new UpdatePrivacySettings(LastSeenVisibility: value));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Codes(), Is.EqualTo(new[] { "invalid_privacy_value" }));
            Assert.That(result.Errors.Single().ErrorMessage, Does.Contain("everyone, connections, nobody"));
        }
    }

    [Test]
    public void Validate_EveryAudienceField_IsChecked()
    {
        var result = _validator.Validate(new UpdatePrivacySettings(
            WhoCanMessage: "friends", AllowCallsFrom: "friends", AllowGroupAdds: "friends", LastSeenVisibility: "friends"));

        Assert.That(
            result.Errors.Select(e => e.PropertyName),
            Is.EquivalentTo(new[] { "WhoCanMessage", "AllowCallsFrom", "AllowGroupAdds", "LastSeenVisibility" }));
    }
}
