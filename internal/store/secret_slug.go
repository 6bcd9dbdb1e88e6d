package store

import (
	"crypto/rand"
	"strings"
)

// secretSuffixLen is how many random characters end a secret community's
// slug: 8 of 32 letters and digits, 40 bits, far beyond guessing.
const secretSuffixLen = 8

// SecretSlug turns the slug someone chose for a secret community into one
// nobody can guess: the chosen words, a hyphen and random characters.
//
// Slugs are one namespace, so if secret communities kept the slug their
// creator typed, anyone could learn that "layoffs-2027" exists by trying to
// create it and being told it is taken (DESIGN §3 rule 2). With a random
// tail, a name typed by someone else never collides with a secret one, so
// "taken" only ever speaks of communities that are listed anyway.
func SecretSlug(slug string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	b := make([]byte, secretSuffixLen)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	// Leave room for the tail within the 48 characters a slug may have.
	const maxBase = 48 - 1 - secretSuffixLen
	if len(slug) > maxBase {
		slug = strings.TrimRight(slug[:maxBase], "-")
	}
	return slug + "-" + string(b)
}
