namespace Astegni.Chat.Infrastructure.Legacy.Steps;

/// <summary>One part of the legacy upgrade. Steps run in order in one transaction.</summary>
internal interface IUpgradeStep
{
    string Name { get; }

    Task RunAsync(UpgradeContext context);
}
