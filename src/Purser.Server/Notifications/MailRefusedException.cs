namespace Purser.Server.Notifications;

/// <summary>The mail server refused the message for good (a 5xx reply to its recipient or its content): trying again changes nothing.</summary>
internal sealed class MailRefusedException(string message, Exception inner) : Exception(message, inner);
