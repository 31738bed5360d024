namespace Astegni.Chat.Application.Calls;

/// <summary>Calls and WebRTC settings an operator may tune (configuration section <c>Calls</c>).</summary>
public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>An unanswered call becomes missed this long after it started ringing.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the service looks for calls that rang out.</summary>
    public TimeSpan MissedCallCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest signal payload (an SDP offer or answer, an ICE candidate) relayed, in UTF-8 bytes.</summary>
    public int MaxSignalPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>STUN server urls (<c>stun:host:port</c>) given to clients. None by default: peers on one host or network connect by host candidates.</summary>
    public IList<string> StunUrls { get; } = [];

    /// <summary>TURN server urls (<c>turn:host:port?transport=udp</c>, <c>turns:...</c>), served only when <see cref="TurnSecret"/> is set.</summary>
    public IList<string> TurnUrls { get; } = [];

    /// <summary>
    /// The secret shared with the TURN server (coturn's <c>static-auth-secret</c>): clients get time-limited
    /// credentials derived from it, never the secret.
    /// </summary>
    public string? TurnSecret { get; set; }

    /// <summary>How long a TURN credential stays valid after it is handed out.</summary>
    public TimeSpan TurnCredentialLifetime { get; set; } = TimeSpan.FromHours(12);
}
