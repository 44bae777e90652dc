namespace ZaloBot.Conversation;

/// <summary>The survey file cannot be used; the message names the file and the problem.</summary>
public sealed class SurveyDefinitionException(string message, Exception? inner = null) : Exception(message, inner);
