package gateway

// Intents is the intents field of Identify: the set of event groups a
// connection subscribes to. Each constant is one bit; combine them with |
// or Add.
type Intents int64

// The Gateway's intents, one bit each.
const (
	IntentGuilds                      Intents = 1 << 0
	IntentGuildMembers                Intents = 1 << 1
	IntentGuildModeration             Intents = 1 << 2
	IntentGuildEmojisAndStickers      Intents = 1 << 3
	IntentGuildIntegrations           Intents = 1 << 4
	IntentGuildWebhooks               Intents = 1 << 5
	IntentGuildInvites                Intents = 1 << 6
	IntentGuildVoiceStates            Intents = 1 << 7
	IntentGuildPresences              Intents = 1 << 8
	IntentGuildMessages               Intents = 1 << 9
	IntentGuildMessageReactions       Intents = 1 << 10
	IntentGuildMessageTyping          Intents = 1 << 11
	IntentDirectMessages              Intents = 1 << 12
	IntentDirectMessageReactions      Intents = 1 << 13
	IntentDirectMessageTyping         Intents = 1 << 14
	IntentMessageContent              Intents = 1 << 15
	IntentGuildScheduledEvents        Intents = 1 << 16
	IntentAutoModerationConfiguration Intents = 1 << 20
	IntentAutoModerationExecution     Intents = 1 << 21
	IntentGuildMessagePolls           Intents = 1 << 24
	IntentDirectMessagePolls          Intents = 1 << 25
)

// IntentGuildBans is the name GUILD_MODERATION had before it covered the
// audit log.
//
// Deprecated: use IntentGuildModeration.
const IntentGuildBans = IntentGuildModeration

// Groups of intents.
const (
	// IntentsGuild has every intent of events in guilds.
	IntentsGuild = IntentGuilds | IntentGuildMembers | IntentGuildModeration |
		IntentGuildEmojisAndStickers | IntentGuildIntegrations | IntentGuildWebhooks |
		IntentGuildInvites | IntentGuildVoiceStates | IntentGuildPresences |
		IntentGuildMessages | IntentGuildMessageReactions | IntentGuildMessageTyping |
		IntentGuildScheduledEvents | IntentAutoModerationConfiguration |
		IntentAutoModerationExecution | IntentGuildMessagePolls

	// IntentsDirectMessage has every intent of events in direct messages.
	IntentsDirectMessage = IntentDirectMessages | IntentDirectMessageReactions |
		IntentDirectMessageTyping | IntentDirectMessagePolls

	// IntentsPrivileged has the intents an application must be approved
	// for before Identify may ask for them.
	IntentsPrivileged = IntentGuildMembers | IntentGuildPresences | IntentMessageContent

	// IntentsNonPrivileged has every intent that needs no approval.
	IntentsNonPrivileged = IntentsAll &^ IntentsPrivileged

	// IntentsAll has every intent.
	IntentsAll = IntentsGuild | IntentsDirectMessage | IntentMessageContent

	// IntentsNone has no intent.
	IntentsNone Intents = 0

	// IntentsDefault is what a Client identifies with unless told otherwise.
	IntentsDefault = IntentsNonPrivileged
)

// Add returns i with every one of bits set.
func (i Intents) Add(bits ...Intents) Intents {
	for _, b := range bits {
		i |= b
	}
	return i
}

// Remove returns i with every one of bits cleared.
func (i Intents) Remove(bits ...Intents) Intents {
	for _, b := range bits {
		i &^= b
	}
	return i
}

// Has reports whether i has every one of bits.
func (i Intents) Has(bits ...Intents) bool {
	for _, b := range bits {
		if i&b != b {
			return false
		}
	}
	return true
}

// Missing reports whether i lacks any of bits.
func (i Intents) Missing(bits ...Intents) bool {
	return !i.Has(bits...)
}

// Intents returns the intents any one of which makes the Gateway send the
// event; 0 if it is sent regardless of intents.
func (e EventType) Intents() Intents {
	return intentsOfEvent[e]
}

var intentsOfEvent = map[EventType]Intents{
	EventTypeGuildCreate:              IntentGuilds,
	EventTypeGuildUpdate:              IntentGuilds,
	EventTypeGuildDelete:              IntentGuilds,
	EventTypeGuildRoleCreate:          IntentGuilds,
	EventTypeGuildRoleUpdate:          IntentGuilds,
	EventTypeGuildRoleDelete:          IntentGuilds,
	EventTypeChannelCreate:            IntentGuilds,
	EventTypeChannelUpdate:            IntentGuilds,
	EventTypeChannelDelete:            IntentGuilds,
	EventTypeChannelPinsUpdate:        IntentGuilds | IntentDirectMessages,
	EventTypeThreadCreate:             IntentGuilds,
	EventTypeThreadUpdate:             IntentGuilds,
	EventTypeThreadDelete:             IntentGuilds,
	EventTypeThreadListSync:           IntentGuilds,
	EventTypeThreadMemberUpdate:       IntentGuilds,
	EventTypeThreadMembersUpdate:      IntentGuilds | IntentGuildMembers,
	EventTypeStageInstanceCreate:      IntentGuilds,
	EventTypeStageInstanceUpdate:      IntentGuilds,
	EventTypeStageInstanceDelete:      IntentGuilds,
	EventTypeVoiceChannelStatusUpdate: IntentGuilds,

	EventTypeGuildMemberAdd:    IntentGuildMembers,
	EventTypeGuildMemberUpdate: IntentGuildMembers,
	EventTypeGuildMemberRemove: IntentGuildMembers,

	EventTypeGuildAuditLogEntryCreate: IntentGuildModeration,
	EventTypeGuildBanAdd:              IntentGuildModeration,
	EventTypeGuildBanRemove:           IntentGuildModeration,

	EventTypeGuildEmojisUpdate:           IntentGuildEmojisAndStickers,
	EventTypeGuildStickersUpdate:         IntentGuildEmojisAndStickers,
	EventTypeGuildSoundboardSoundCreate:  IntentGuildEmojisAndStickers,
	EventTypeGuildSoundboardSoundUpdate:  IntentGuildEmojisAndStickers,
	EventTypeGuildSoundboardSoundDelete:  IntentGuildEmojisAndStickers,
	EventTypeGuildSoundboardSoundsUpdate: IntentGuildEmojisAndStickers,

	EventTypeGuildIntegrationsUpdate: IntentGuildIntegrations,
	EventTypeIntegrationCreate:       IntentGuildIntegrations,
	EventTypeIntegrationUpdate:       IntentGuildIntegrations,
	EventTypeIntegrationDelete:       IntentGuildIntegrations,

	EventTypeWebhooksUpdate: IntentGuildWebhooks,

	EventTypeInviteCreate: IntentGuildInvites,
	EventTypeInviteDelete: IntentGuildInvites,

	EventTypeVoiceChannelEffectSend: IntentGuildVoiceStates,
	EventTypeVoiceStateUpdate:       IntentGuildVoiceStates,

	EventTypePresenceUpdate: IntentGuildPresences,

	EventTypeMessageCreate:     IntentGuildMessages | IntentDirectMessages,
	EventTypeMessageUpdate:     IntentGuildMessages | IntentDirectMessages,
	EventTypeMessageDelete:     IntentGuildMessages | IntentDirectMessages,
	EventTypeMessageDeleteBulk: IntentGuildMessages,

	EventTypeMessageReactionAdd:         IntentGuildMessageReactions | IntentDirectMessageReactions,
	EventTypeMessageReactionRemove:      IntentGuildMessageReactions | IntentDirectMessageReactions,
	EventTypeMessageReactionRemoveAll:   IntentGuildMessageReactions | IntentDirectMessageReactions,
	EventTypeMessageReactionRemoveEmoji: IntentGuildMessageReactions | IntentDirectMessageReactions,

	EventTypeTypingStart: IntentGuildMessageTyping | IntentDirectMessageTyping,

	EventTypeGuildScheduledEventCreate:     IntentGuildScheduledEvents,
	EventTypeGuildScheduledEventUpdate:     IntentGuildScheduledEvents,
	EventTypeGuildScheduledEventDelete:     IntentGuildScheduledEvents,
	EventTypeGuildScheduledEventUserAdd:    IntentGuildScheduledEvents,
	EventTypeGuildScheduledEventUserRemove: IntentGuildScheduledEvents,

	EventTypeAutoModerationRuleCreate: IntentAutoModerationConfiguration,
	EventTypeAutoModerationRuleUpdate: IntentAutoModerationConfiguration,
	EventTypeAutoModerationRuleDelete: IntentAutoModerationConfiguration,

	EventTypeAutoModerationActionExecution: IntentAutoModerationExecution,
}
