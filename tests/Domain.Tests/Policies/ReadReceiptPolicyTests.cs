using Astegni.Chat.Domain.Common;
using Astegni.Chat.Domain.Policies;
using Astegni.Chat.Domain.Privacy;

namespace Astegni.Chat.Domain.Tests.Policies;

public class ReadReceiptPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly UserId Reader = new(1);
    private static readonly UserId Viewer = new(2);

    private static PrivacySettings Settings(UserId userId, bool readReceipts)
    {
        var settings = PrivacySettings.Defaults(userId, Now);
        settings.Update(new PrivacyChanges(ReadReceipts: readReceipts), Now);
        return settings;
    }

    private static RelationshipFacts Facts(bool viewerBlockedReader = false, bool readerBlockedViewer = false) =>
        new(viewerBlockedReader, readerBlockedViewer, AreConnected: false);

    [Test]
    public void Evaluate_WhenBothShareReadReceipts_IsAllowed()
    {
        var decision = ReadReceiptPolicy.Evaluate(Facts(), Settings(Reader, true), Settings(Viewer, true));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_OnDefaultSettings_IsAllowed()
    {
        var decision = ReadReceiptPolicy.Evaluate(Facts(), PrivacySettings.Defaults(Reader, Now), PrivacySettings.Defaults(Viewer, Now));

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WhenTheReaderTurnedReceiptsOff_IsRefused()
    {
        var decision = ReadReceiptPolicy.Evaluate(Facts(), Settings(Reader, false), Settings(Viewer, true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("reader_read_receipts_off"));
        }
    }

    [Test]
    public void Evaluate_WhenTheViewerTurnedReceiptsOff_IsRefused_ReceiptsAreMutual()
    {
        var decision = ReadReceiptPolicy.Evaluate(Facts(), Settings(Reader, true), Settings(Viewer, false));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("viewer_read_receipts_off"));
        }
    }

    [Test]
    public void Evaluate_WhenBothTurnedReceiptsOff_IsRefused()
    {
        var decision = ReadReceiptPolicy.Evaluate(Facts(), Settings(Reader, false), Settings(Viewer, false));

        Assert.That(decision.IsAllowed, Is.False);
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Evaluate_AcrossABlockInEitherDirection_IsRefused_EvenWithReceiptsOn(bool viewerBlockedReader, bool readerBlockedViewer)
    {
        var decision = ReadReceiptPolicy.Evaluate(
            Facts(viewerBlockedReader, readerBlockedViewer), Settings(Reader, true), Settings(Viewer, true));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Refusal?.Code, Is.EqualTo("read_receipts_unavailable"));
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Evaluate_MyOwnReadPosition_IsAlwaysVisibleToMe(bool readReceipts)
    {
        var mine = Settings(Reader, readReceipts);

        var decision = ReadReceiptPolicy.Evaluate(Facts(), mine, mine);

        Assert.That(decision.IsAllowed, Is.True);
    }

    [Test]
    public void Evaluate_WithoutFactsOrSettings_Throws()
    {
        var settings = Settings(Reader, true);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => ReadReceiptPolicy.Evaluate(null!, settings, settings), Throws.ArgumentNullException);
            Assert.That(() => ReadReceiptPolicy.Evaluate(Facts(), null!, settings), Throws.ArgumentNullException);
            Assert.That(() => ReadReceiptPolicy.Evaluate(Facts(), settings, null!), Throws.ArgumentNullException);
        }
    }
}
