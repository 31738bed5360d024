namespace Astegni.Chat.Domain.Privacy;

/// <summary>Who may start something with me (message, call, add me to a group).</summary>
public enum Audience
{
    Everyone,
    Connections,
    None,
}

/// <summary>Who may see something about me (last seen).</summary>
public enum Visibility
{
    Everyone,
    Connections,
    Nobody,
}
