package gateway

// Groups of intents of this package's own. The intents themselves, and
// IntentsAll, IntentsPrivileged, IntentsNonPrivileged and IntentsNone, are
// generated from the docs, in intents_gen.go.
const (
	// IntentsGuild has every intent of events in guilds.
	IntentsGuild = IntentGuilds | IntentGuildMembers | IntentGuildModeration |
		IntentGuildExpressions | IntentGuildIntegrations | IntentGuildWebhooks |
		IntentGuildInvites | IntentGuildVoiceStates | IntentGuildPresences |
		IntentGuildMessages | IntentGuildMessageReactions | IntentGuildMessageTyping |
		IntentGuildScheduledEvents | IntentAutoModerationConfiguration |
		IntentAutoModerationExecution | IntentGuildMessagePolls

	// IntentsDirectMessage has every intent of events in direct messages.
	IntentsDirectMessage = IntentDirectMessages | IntentDirectMessageReactions |
		IntentDirectMessageTyping | IntentDirectMessagePolls

	// IntentsDefault is what a Client identifies with unless told otherwise.
	IntentsDefault = IntentsNonPrivileged
)

// IntentGuildEmojisAndStickers is GUILD_EXPRESSIONS under the name it had
// before it covered soundboard sounds.
//
// Deprecated: use IntentGuildExpressions.
const IntentGuildEmojisAndStickers = IntentGuildExpressions

// IntentGuildBans is the name GUILD_MODERATION had before it covered the
// audit log.
//
// Deprecated: use IntentGuildModeration.
const IntentGuildBans = IntentGuildModeration
