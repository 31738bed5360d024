namespace Astegni.Chat.Application.Common;

/// <summary>Product limits an operator may tune (configuration section <c>Chat</c>).</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Most active members a group may have.</summary>
    public int GroupMemberLimit { get; set; } = 256;

    /// <summary>How long after sending a message its author may edit it or delete it for everyone.</summary>
    public TimeSpan EditWindow { get; set; } = TimeSpan.FromHours(48);

    /// <summary>A typing indicator clears by itself after this long without a new signal.</summary>
    public TimeSpan TypingTimeout { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Longest a message search may keep the database busy; past it the search is refused (<c>search_timed_out</c>).</summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
