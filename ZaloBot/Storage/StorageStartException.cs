namespace ZaloBot.Storage;

/// <summary>The storage cannot be used as configured (a missing setting, a database out of reach); the message is one line for the operator.</summary>
public sealed class StorageStartException(string message, Exception? inner = null) : Exception(message, inner);
