package demo

// postsB holds the posts of the IT, HR, Service, Nya chefer, onboarding,
// data and Projekt Orion communities.
var postsB = []post{
	// ---------------------------------------------------------------- it
	{
		Community: "it",
		Author:    "sofia",
		Type:      "question",
		Lang:      "en",
		Title:     "New phone – how do I move Microsoft Authenticator without getting locked out?",
		Body: `I'm getting a new work phone on Thursday and I've heard horror stories about people losing MFA access when they switch.

What's the safe order of things? Specifically:

1. Do I need the old phone with me when I set up the new one?
2. Does the cloud backup in Authenticator work with our tenant, or do I have to re-register?
3. What happens with the **Visma** and **Kundportalen** sign-ins – are they all the same account?

I'd rather not spend Friday morning in the IT queue. 😅`,
		Tags:    []string{"mfa", "authenticator", "mobil"},
		DaysAgo: 34,
		Likes:   11,
		Helped:  9,
		Thanks:  3,
		Answers: []answer{
			{
				Author: "liam",
				Body: `Keep the old phone until you're done – that's the whole trick.

1. On a laptop, go to **mysignins.microsoft.com → Security info**.
2. Click **Add sign-in method → Authenticator app** and scan the QR code with the *new* phone. Approve the test push.
3. Set the new phone as **Default sign-in method**.
4. Only then delete the old entry.

The cloud backup restores the *account list* but not the push registration for work accounts, so you'd have to re-register anyway. Visma and Kundportalen both use your Microsoft account, so one registration covers everything.`,
				Accepted: true,
				Helped:   12,
				Comments: []comment{
					{Author: "sofia", Body: "Did it in five minutes. Thanks Liam!"},
					{Author: "mikael", Body: "Adding this to the phone-swap checklist we hand out with new devices."},
				},
			},
			{
				Author: "ida",
				Body:   "If you've already wiped the old phone: call the service desk on **4400** and we'll issue a Temporary Access Pass so you can register the new one. Takes a few minutes, but we need to verify who you are by video first.",
				Helped: 5,
			},
		},
	},
	{
		Community: "it",
		Author:    "liam",
		Type:      "tip",
		Lang:      "en",
		Title:     "Use the Report button for phishing – please don't forward the mail to us",
		Body: `Quick one, because we got **37 forwarded phishing mails** last week and every forward strips the headers we need.

**Do this instead:**
- In Outlook, select the mail and click **Report → Phishing** (top ribbon, or the three dots in the web version).
- On the phone, open the mail, tap **⋯ → Report phishing**.

That sends us the original message with headers, removes it from your inbox, and lets Defender pull the same mail from everyone else's inbox within minutes.

**Clicked already?** No shame. Call the service desk right away (**4400**) and change your password. The sooner we know, the less damage.

Recent fakes to look out for: "ROT-avdrag återbetalning från Skatteverket", "Leveransavisering PostNord" and a very convincing "Visma – din lönespecifikation".`,
		Tags:    []string{"nätfiske", "säkerhet", "outlook"},
		DaysAgo: 12,
		Likes:   19,
		Helped:  8,
		Thanks:  6,
		Comments: []comment{
			{Author: "priya", Body: "Thank you Liam. Reporting rate went from 9 % to 41 % in the last simulation – this is why."},
			{Author: "tomas", Body: "The fake Visma one fooled me for a good ten seconds. Nice logo work by the crooks."},
		},
	},
	{
		Community: "it",
		Author:    "ida",
		Type:      "how_to",
		Lang:      "en",
		Title:     "How to set up a new laptop with Autopilot (for new starters and swaps)",
		Body: `All our laptops are registered in Autopilot, so setup is mostly waiting. Takes about **45 minutes** on a good connection.

1. Plug in the charger and connect to **Fjallvind-Guest** Wi-Fi (or a cable – faster).
2. Choose **Svenska** or **English** and keyboard **Swedish**.
3. Sign in with your **@fjallvind.se** address. You'll get an MFA prompt – have your phone ready.
4. Wait while "Device preparation" and "Account setup" run. Don't close the lid.
5. Set up **Windows Hello** (PIN + fingerprint). This replaces your password on the laptop.
6. Open **Company Portal** and install optional apps: Power BI Desktop, Visma, ServiceMobil Admin.
7. Sign in to OneDrive – your **Desktop** and **Documents** sync automatically.

**Swapping laptops?** Check that OneDrive shows a green tick on the old one before you hand it in.

If it gets stuck on the same screen for more than 20 minutes, take a photo and send it to the service desk.`,
		Tags:    []string{"dator", "onboarding", "intune"},
		DaysAgo: 58,
		Likes:   14,
		Helped:  13,
		Thanks:  5,
	},
	{
		Community: "it",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "VPN drops every 10–15 minutes on hotel Wi-Fi",
		Body: `I'm working from a hotel in Luleå this week and the Always On VPN keeps disconnecting – roughly every 10–15 minutes, and it takes a minute to come back. At home and in the office it's rock solid.

- Windows 11, Fjällvind standard image
- The hotel Wi-Fi has a captive portal (room number + surname)
- Teams calls also stutter, but browsing outside the VPN is fine

Is this the hotel, or is there something I can change on my side? I need Visma's test environment, which is VPN only.`,
		Tags:    []string{"vpn", "nätverk", "distansarbete"},
		DaysAgo: 21,
		Likes:   4,
		Helped:  6,
		Answers: []answer{
			{
				Author: "mikael",
				Body: `Classic hotel network. Most of them kill idle UDP sessions after a few minutes, and the captive portal sometimes re-authenticates you in the background.

Try this:
1. Disconnect, then in the VPN settings switch **Protocol** from *Automatic* to **SSTP** (TCP 443 – hotels rarely block it).
2. Re-accept the portal terms in a browser *before* connecting.
3. If it still drops, tether from your phone – our mobile plans have 40 GB and that's what they're for.

Teams doesn't go through the VPN at all (split tunnel), so if Teams stutters too, the hotel line is simply bad.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "lucas", Body: "SSTP did it. Stable for two hours now. Thanks!"},
				},
			},
			{
				Author: "liam",
				Body:   "Please don't use the hotel's business-centre PC or a USB stick from reception for anything work-related, even in a pinch. Tethering from your work phone is the safe fallback.",
				Helped: 2,
			},
		},
	},
	{
		Community: "it",
		Author:    "priya",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Sharing files with customers and partners: links, not attachments",
		Body: `We still send a lot of offers, drawings and commissioning reports as attachments. Please switch to sharing links from SharePoint or OneDrive. Here's why and how.

**Why**
- You can see who opened it and revoke access if the mail goes to the wrong person.
- The customer always sees the latest version – no "offert_v3_FINAL_2.pdf".
- Large PDFs from installations don't bounce off the customer's mail server.

**How**
1. Right-click the file → **Share**.
2. Choose **Specific people** and type the customer's e-mail.
3. Untick **Allow editing** unless you really want them to edit.
4. For anything with personal data (personnummer, ROT details): set an **expiry date** of 30 days.

| Type of file | Share from | Link type |
|---|---|---|
| Offer, drawing | Team's SharePoint site | Specific people, view |
| Internal draft | OneDrive | People in Fjällvind |
| Personal data | SharePoint, restricted folder | Specific people, expiry |

"Anyone with the link" is switched off for a reason. Please don't ask us to turn it on. 🙂`,
		Tags:    []string{"sharepoint", "säkerhet", "delning"},
		DaysAgo: 73,
		Likes:   16,
		Helped:  10,
		Thanks:  4,
		Comments: []comment{
			{Author: "tomas", Body: "Could we add a short version of this to the offer template in Kundportalen? Sales would see it every day."},
			{Author: "priya", Body: "Good idea – I'll draft it with Elin."},
		},
	},
	{
		Community: "it",
		Author:    "tomas",
		Type:      "question",
		Lang:      "en",
		Title:     "Kundportalen → Visma invoice sync failed overnight – who gets the alert?",
		Body: `This morning Ekonomi noticed that **yesterday's service invoices never reached Visma**. 212 orders stuck with status *Ready for invoicing*.

I could re-trigger the sync manually and it went through, but:
- Nobody got an alert – we only found out because Helena asked.
- The integration log just says **HTTP 429** around 02:10.

Who owns the alerting for the nightly sync, and can we route failures to a Teams channel instead of someone's inbox?`,
		Tags:    []string{"kundportalen", "visma", "integration"},
		DaysAgo: 9,
		Likes:   6,
		Helped:  3,
		Answers: []answer{
			{
				Author: "lucas",
				Body: `That's mine, sorry. 429 = Visma rate-limited us. The nightly job and the new price-list import both started at 02:00 and together they went over the API quota.

Fixed so far:
- Price-list import moved to **03:30**.
- The sync now retries with back-off (5 attempts over 20 min) instead of giving up.
- Failures post to **IT Drift → #integration-alerts** in Teams, and Ekonomi's shared mailbox gets a copy.

I'll also add a morning check: if any order has been *Ready for invoicing* for more than 12 hours, it shows up in the alert channel.`,
				Accepted: true,
				Helped:   5,
				Comments: []comment{
					{Author: "tomas", Body: "Perfect. Can you add me as owner of the channel so I can pin the runbook?"},
				},
			},
		},
	},
	{
		Community: "it",
		Author:    "mikael",
		Type:      "idea",
		Lang:      "en",
		Title:     "Self-service password reset for field technicians – without calling us",
		Body: `About a third of our Monday calls are technicians locked out after a password change, usually from a van somewhere between Skellefteå and Arvidsjaur.

**Idea:** turn on self-service password reset (SSPR) with the Authenticator app as the method, and put a **"Forgot password?"** shortcut on the ServiceMobil login screen.

- No need to call the service desk on a weekend.
- Works from the phone they already have.
- We already require Authenticator, so there's no new enrolment.

Rough estimate: saves 25–30 calls a month and a lot of frustrated mornings.`,
		Tags:       []string{"lösenord", "servicemobil", "support"},
		DaysAgo:    47,
		Likes:      12,
		Votes:      18,
		Status:     "planned",
		StatusNote: "Approved for Q2. Liam is checking the combined registration policy first; rollout starts with Service in Luleå.",
		Comments: []comment{
			{Author: "ida", Body: "Yes please. I had four of these before 8 o'clock last Monday."},
		},
	},
	{
		Community: "it",
		Author:    "tomas",
		Type:      "question",
		Lang:      "en",
		Title:     "Teams Room \"Norrsken\" in Umeå won't show my laptop over HDMI",
		Body: `In the Norrsken room on floor 3, the HDMI cable on the table does nothing when I plug in my laptop. The front screen just keeps showing the Teams Room home screen.

Tried:
- Two different laptops
- **Win + P → Duplicate**
- Unplugging and waiting

Joining the meeting from the room panel works fine. It's only local presenting that doesn't. Anyone know the trick, or is it broken?`,
		Tags:    []string{"teams", "mötesrum", "umeå"},
		DaysAgo: 16,
		Likes:   3,
		Helped:  4,
		Answers: []answer{
			{
				Author: "ida",
				Body: `Not broken – the HDMI in Norrsken goes through the **ingest box** under the table, and it needs the room to be *in a meeting* or in **Share** mode.

On the touch panel, tap **Share** (the screen icon, bottom left), then plug in. If you want to present *into* the Teams meeting, join from the panel first and then plug in – it shows up as content for remote participants too.

I'll put a small sign on the table. Third person this month. 🙂`,
				Accepted: true,
				Helped:   6,
			},
			{
				Author: "mikael",
				Body:   "Also: the USB-C cable on the same table does the same thing and charges your laptop at the same time. Use that one if you have a newer machine.",
				Helped: 2,
			},
		},
	},
	{
		Community: "it",
		Author:    "mikael",
		Type:      "tip",
		Lang:      "en",
		Title:     "Printing: one queue for all offices – release with your badge",
		Body: `Since the printer swap we only have **one** print queue: **Fjallvind-Print**. It works in Umeå, Stockholm, Göteborg and Luleå.

- Print as usual and pick **Fjallvind-Print**.
- Walk to *any* printer in *any* office and tap your badge on the reader.
- Your jobs wait for **24 hours**, then they're deleted.

Nice side effects:
- Confidential HR and payroll printouts no longer sit in the tray.
- If a printer jams, just go to the next one.

**First time?** The printer asks you to tap your badge and sign in once with your username and the PIN from **Company Portal → Print PIN**. After that, the badge is enough.`,
		Tags:    []string{"skrivare", "utskrift", "kontor"},
		DaysAgo: 96,
		Likes:   9,
		Helped:  11,
		Thanks:  2,
	},
	{
		Community: "it",
		Author:    "liam",
		Type:      "discussion",
		Lang:      "en",
		Title:     "Time to retire SMS codes for MFA?",
		Body: `About **80 people** still use SMS as their main MFA method – mostly in Service and Sälj.

SMS is better than nothing, but SIM-swap attacks against Swedish companies went up a lot last year, and SMS doesn't protect against the adversary-in-the-middle phishing kits we've seen in our own inbox.

My proposal:
1. Block SMS as a *new* method from next month.
2. Move existing SMS users to Authenticator with number matching over the spring.
3. Keep phone call as a break-glass option for a few named accounts.

What worries me is the people with old phones or no work phone at all – seasonal installers, for example. Thoughts? Am I missing a group?`,
		Tags:    []string{"mfa", "säkerhet", "sms"},
		DaysAgo: 29,
		Likes:   8,
		Helped:  1,
		Thanks:  1,
		Comments: []comment{
			{Author: "priya", Body: "Agree on direction. For seasonal staff we could use FIDO2 keys – roughly 300 kr each, cheaper than one compromised account."},
			{Author: "mikael", Body: "Service in Luleå has six people on phones too old for the current Authenticator. I'll list them so we can swap phones first."},
			{Author: "ida", Body: "Please give us two weeks' notice before step 2 so the service desk can staff up. And a short video in Swedish."},
		},
	},
	{
		Community: "it",
		Author:    "tomas",
		Type:      "how_to",
		Lang:      "en",
		Title:     "How to request a new field, view or report in Kundportalen",
		Body: `We get many requests like "can you add a field for X?" by mail and Teams chat. They're easy to lose, so here's the route that actually works.

1. Go to **Kundportalen → Help → Request a change** (top right).
2. Pick the type: *new field*, *change to a view*, *new report*, *bug*.
3. Describe **the problem**, not only the solution. "I can't see which customers have a heat-pump service contract" beats "add checkbox".
4. Add who else needs it and roughly how many people are affected.
5. Attach a screenshot – **Win + Shift + S** is your friend.

**What happens next**
- We triage every Tuesday.
- Small changes (a column in a view) usually ship the same week.
- New fields go into the monthly release, second Thursday of the month.

You can follow your request under **My requests**. Please don't create duplicates – add a comment to the existing one instead, it raises the priority.`,
		Tags:    []string{"kundportalen", "crm", "beställning"},
		DaysAgo: 64,
		Likes:   10,
		Helped:  7,
		Thanks:  3,
	},
	{
		Community: "it",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "Is there a sandbox for the ServiceMobil API?",
		Body: `I'm building the sync that sends installation photos from ServiceMobil to the customer record in Kundportalen. I'd rather not test against production, for obvious reasons.

Does anyone know if the vendor provides a sandbox tenant, and who holds our vendor contact? The docs mention **test.servicemobil.se**, but my credentials don't work there.`,
		Tags:    []string{"servicemobil", "api", "integration"},
		DaysAgo: 3,
		Likes:   1,
	},
	{
		Community: "it",
		Author:    "liam",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Password manager: what goes in shared vaults (and what never does)",
		Body: `Everyone has **Bitwarden** now, and teams are starting to create shared collections. Some ground rules so we don't recreate the old Excel file with passwords.

**Good in a shared collection**
- Supplier portals with one login per company (wholesalers, inverter manufacturers' portals)
- Social media accounts for marketing
- Wi-Fi passwords for customer sites you revisit

**Never in a shared collection**
- Your own Microsoft account – it's personal and protected by MFA
- Anything with customer personal data, like personnummer
- Admin accounts for Kundportalen or Visma – those go through IT

**Habits**
- Generate passwords: **Ctrl + Shift + 9** in the browser extension.
- Turn on auto-fill on page load only for sites you trust.
- When someone leaves the team, tell us the same day. We remove access and rotate the shared passwords.

Collections are requested through the service desk form – takes a day.`,
		Tags:    []string{"lösenord", "säkerhet", "bitwarden"},
		DaysAgo: 41,
		Likes:   13,
		Helped:  6,
		Thanks:  2,
	},
	{
		Community: "it",
		Author:    "ida",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur ger vi en extern konsult gäståtkomst till ett Teams-team?",
		Body: `Marknad har tagit in en byrå för vårkampanjen och vill att de ska vara med i teamet **Kampanj Vår**. Ägaren av teamet försöker lägga till konsultens mejladress men får "Den här personen finns inte i organisationen".

- Är gäster avstängda för alla team eller bara vissa?
- Behöver konsulten ha MFA?
- Hur länge ligger gäståtkomsten kvar?

Vill helst ge rätt svar nästa gång någon frågar. 🙂`,
		Tags:    []string{"teams", "gäståtkomst", "säkerhet"},
		DaysAgo: 52,
		Likes:   5,
		Helped:  5,
		Answers: []answer{
			{
				Author: "tomas",
				Body: `Gäster är tillåtna, men bara i team med känslighetsetiketten **Extern samverkan**. Teamägaren kan byta etikett själv under **Hantera team → Inställningar**, sedan går det att bjuda in.

- Ja, gästen måste ha MFA – antingen i sin egen organisation eller via vår inbjudan.
- Åtkomsten granskas var **90:e dag**; ägaren får ett mejl och måste bekräfta, annars tas gästen bort.

Lägg aldrig kunddata i ett sådant team.`,
				Helped: 6,
				Comments: []comment{
					{Author: "priya", Body: "Correct. And please use a private channel for the agency – not the General channel."},
				},
			},
		},
	},
	{
		Community: "it",
		Author:    "sofia",
		Type:      "idea",
		Lang:      "en",
		Title:     "Embed Power BI reports directly on the customer page in Kundportalen",
		Body: `Sales and customer service keep switching between Kundportalen and Power BI to see a customer's service history and energy savings.

**Proposal:** embed a filtered Power BI report on the account form in Kundportalen – same sign-in, filtered to the customer you're looking at.

- One place to look during a call.
- Row-level security stays in Power BI, so people only see what they're allowed to.
- Uses the licences we already have.

I've built a quick prototype for the heat-pump savings report. Happy to demo it at the next IT sync.`,
		Tags:       []string{"powerbi", "kundportalen", "integration"},
		DaysAgo:    37,
		Likes:      9,
		Votes:      14,
		Status:     "under_review",
		StatusNote: "Looks promising. Tomas and Sofia are checking the licence model for Kundtjänst users before we decide.",
	},
	{
		Community: "it",
		Author:    "ida",
		Type:      "question",
		Lang:      "en",
		Title:     "Field techs' Samsung phones flagged non-compliant after the latest update",
		Body: `Since Tuesday, at least nine technicians in Göteborg and Stockholm have Samsung phones marked **Not compliant** in Company Portal. Result: no Outlook, no Teams, and ServiceMobil asks them to sign in again every hour.

They all updated to the latest Android security patch over the weekend. Phones on the old patch are fine.

Is this a known Intune issue, or should I start re-enrolling them one by one?`,
		Tags:    []string{"intune", "mobil", "servicemobil"},
		DaysAgo: 6,
		Likes:   2,
		Helped:  4,
		Answers: []answer{
			{
				Author: "mikael",
				Body: `Don't re-enrol – it's our compliance policy, not the phones. The minimum OS rule was written as a specific patch date and the new build reports the date in a different format.

I've changed the rule to **"minimum security patch level: 2 months old"** instead of a fixed date. Ask them to open **Company Portal → Devices → Check status**; it should go green within 10 minutes.`,
				Accepted: true,
				Helped:   8,
				Comments: []comment{
					{Author: "ida", Body: "All nine green. Marco says thanks from a basement in Mölndal. 😄"},
				},
			},
		},
	},
	{
		Community: "it",
		Author:    "ida",
		Type:      "tip",
		Lang:      "en",
		Title:     "Teams meeting shortcuts that save you from awkward moments",
		Body: `The ones I use every day:

| Shortcut | What it does |
|---|---|
| **Ctrl + Shift + M** | Mute / unmute |
| **Ctrl + Shift + O** | Camera on / off |
| **Ctrl + Shift + K** | Raise / lower hand |
| **Ctrl + Shift + E** | Share screen |
| **Ctrl + Space** | Hold to unmute briefly (push-to-talk) |
| **Ctrl + .** | Show all shortcuts |

Bonus: in **Settings → Privacy** you can turn on *Keyboard shortcut to unmute*, which makes **Ctrl + Space** work. Great in open-plan offices – you're only live while you hold it down.

On a Mac, swap **Ctrl** for **Cmd**.`,
		Tags:    []string{"teams", "genvägar", "möten"},
		DaysAgo: 88,
		Likes:   17,
		Helped:  9,
		Thanks:  4,
	},
	{
		Community: "it",
		Author:    "tomas",
		Type:      "question",
		Lang:      "en",
		Title:     "Department documents: Teams files or a separate SharePoint site?",
		Body: `Ekonomi asked me where their process documents should live. Today half of them are in the Teams channel "General → Files" and half on an old SharePoint site from 2019 that nobody owns.

What's our actual recommendation? I'd like to give them one answer and stop the split. Things they care about:
- Read access for the whole company for some documents (expense policy)
- Edit access only for Ekonomi
- Version history`,
		Tags:    []string{"sharepoint", "teams", "dokument"},
		DaysAgo: 44,
		Likes:   5,
		Helped:  3,
		Answers: []answer{
			{
				Author: "priya",
				Body: `Short version: **working files in Teams, published documents on the intranet**.

- Every Teams team already *is* a SharePoint site – so the channel files have versioning and permissions already.
- Policies that the whole company reads (like the expense policy) go on the Ekonomi page of the intranet, where everyone has read access and only Ekonomi can edit.

Let's archive the 2019 site once they've moved what's still valid.`,
				Helped: 4,
			},
			{
				Author: "ida",
				Body:   "One practical tip: use **Add shortcut to OneDrive** on the folder they use most. Then it shows up in Explorer and people stop saving copies on the desktop.",
				Helped: 3,
			},
		},
	},
	{
		Community: "it",
		Author:    "lucas",
		Type:      "how_to",
		Lang:      "en",
		Title:     "How to rotate the Visma API key without breaking the nightly sync",
		Body: `The Visma integration key expires every 12 months. Next expiry: **15 March**. Runbook, so it's not only in my head:

1. In Visma, go to **Integrations → API keys** and create a **new** key with the same scopes. Don't revoke the old one yet.
2. In Azure Key Vault **kv-fjallvind-int**, add the new key as a new version of the secret **visma-api-key**.
3. Restart the function app **func-visma-sync** – it reads the latest version on start.
4. Trigger a manual run from the integration dashboard and check that at least one invoice and one customer update go through.
5. Wait until the next nightly run has succeeded.
6. Now revoke the old key in Visma.
7. Update the expiry date in the **IT Drift** calendar and set a reminder 30 days before.

If step 4 fails, roll back by disabling the new secret version – the app falls back to the previous one after a restart.`,
		Tags:    []string{"visma", "integration", "drift"},
		DaysAgo: 26,
		Likes:   7,
		Helped:  4,
		Thanks:  2,
	},
	{
		Community: "it",
		Author:    "liam",
		Type:      "question",
		Lang:      "en",
		Title:     "Has anyone tested passkeys in Authenticator on the shared warehouse iPads?",
		Body: `The warehouse in Umeå has four shared iPads for stock-taking. Today they use a shared account with a long password, which I'm not happy about.

I'm looking at passkeys in Microsoft Authenticator with shared device mode, so each person signs in with their own identity. Has anyone tried this setup on iPadOS? Especially interested in how sign-out works between users.`,
		Tags:    []string{"mfa", "passkeys", "ipad"},
		DaysAgo: 1,
		Likes:   2,
	},
	{
		Community: "it",
		Author:    "ida",
		Type:      "idea",
		Lang:      "en",
		Title:     "Monthly 15-minute \"IT tip\" drop-in in Teams",
		Body: `Many questions to the service desk are things people would solve in seconds if someone had shown them once: sharing links, Bitwarden auto-fill, Teams shortcuts, OneDrive restore.

**Idea:** a 15-minute open Teams session on the first Wednesday of each month, 08:45–09:00, one topic per session, recorded and posted here.

Starting topics:
1. Restore a deleted file from OneDrive yourself
2. Report phishing properly
3. Find anything in Kundportalen with the global search`,
		Tags:       []string{"utbildning", "teams", "support"},
		DaysAgo:    112,
		Likes:      15,
		Votes:      21,
		Status:     "done",
		StatusNote: "Running since January. Recordings are in the IT & Digitalisering files tab, folder IT-tips.",
		Comments: []comment{
			{Author: "mikael", Body: "The OneDrive session had 64 participants. Best turnout we've ever had for anything IT."},
		},
	},

	// ---------------------------------------------------------------- hr
	{
		Community: "hr",
		Author:    "josefin",
		Type:      "question",
		Lang:      "sv",
		Title:     "Räknas föräldraledighet som semesterlönegrundande?",
		Body: `Fick frågan från en kandidat i slutintervjun i dag och blev lite osäker själv. Hon planerar att vara föräldraledig en stor del av första året.

- Tjänar man in betald semester under föräldraledigheten?
- Gäller det oavsett om man tar ut hela eller halva dagar?
- Finns det ett tak?

Vill gärna kunna svara rätt när jag ringer tillbaka i morgon.`,
		Tags:    []string{"föräldraledighet", "semester", "lön"},
		DaysAgo: 18,
		Likes:   6,
		Helped:  7,
		Thanks:  2,
		Answers: []answer{
			{
				Author: "anders",
				Body: `Ja, enligt semesterlagen är föräldraledighet semesterlönegrundande upp till **120 dagar per barn och förälder** (180 dagar för ensamstående). Det gäller dagar med föräldrapenning – även delar av dagar räknas ihop.

Tänk på:
- Ledighet *utan* föräldrapenning är inte semesterlönegrundande.
- Dagar efter 120 ger fortfarande semester*dagar*, men obetalda.

Hos oss syns det i Visma under **Semester → Intjänande**, så hon kan följa det själv.`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "josefin", Body: "Tack! Precis vad jag behövde."},
				},
			},
		},
	},
	{
		Community: "hr",
		Author:    "anders",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Så ansöker du om friskvårdsbidrag i Visma – steg för steg",
		Body: `Friskvårdsbidraget är **5 000 kr per kalenderår** och vi får många frågor om hur man söker. Så här gör man:

1. Logga in i **Visma Lön → Mina sidor** (via Mina appar i Microsoft 365).
2. Välj **Utlägg → Nytt utlägg → Friskvård**.
3. Fyll i belopp inklusive moms och vilken aktivitet det gäller.
4. Fotografera kvittot med mobilen eller ladda upp en PDF. Kvittot ska visa **ditt namn**, datum och aktivitet.
5. Skicka – din chef attesterar och det betalas ut med nästa lön.

**Vanliga frågor**
- Gym, simhall, padel, yoga och massage räknas. Utrustning (skor, cykel) gör det inte.
- Årskort går bra, men bidraget följer kalenderåret.
- Sista dag att skicka in för året är **15 december**.

Osäker på om något räknas? Fråga hellre innan du köper.`,
		Tags:    []string{"friskvård", "visma", "utlägg"},
		DaysAgo: 80,
		Likes:   12,
		Helped:  14,
		Thanks:  6,
	},
	{
		Community: "hr",
		Author:    "karin",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Lönerevisionen 2025 – tidslinje och hur chefer förbereder lönesamtalen",
		Body: `Så här lägger vi upp årets lönerevision. Dela gärna med era chefer.

| Vecka | Vad händer |
|---|---|
| 8 | Lönekriterier och utfallsram kommuniceras till chefer |
| 9–11 | Lönesamtal med alla medarbetare |
| 12 | Chefer lämnar förslag i Visma |
| 13–14 | Avstämning HR, ekonomi och fack |
| 16 | Ny lön meddelas, retroaktivt från 1 april |

**Det som gör samtalen bra**
- Utgå från **lönekriterierna**, inte från vad kollegan tjänar.
- Ta med konkreta exempel från året – både det som gick bra och det som kan utvecklas.
- Skilj på *utvecklingssamtal* och *lönesamtal*. Håll dem inte samma dag.
- Lova aldrig ett belopp i samtalet. Säg vad du kommer att föreslå och varför.

Mohammed och jag har öppen "lönestuga" på Teams torsdagar vecka 9–11, kl. 13–14.`,
		Tags:    []string{"lön", "lönesamtal", "ledarskap"},
		DaysAgo: 66,
		Likes:   10,
		Helped:  8,
		Thanks:  3,
		Comments: []comment{
			{Author: "mohammed", Body: "Lägger upp mallen för lönesamtalet i HR-teamets filer i dag."},
		},
	},
	{
		Community: "hr",
		Author:    "camilla",
		Type:      "question",
		Lang:      "sv",
		Title:     "Var ska onboardingchecklistan ligga – Planner eller Kundportalen?",
		Body: `Just nu har vi tre versioner av onboardingchecklistan: en Word-fil, en Planner-mall och en lista som service har byggt själva. Chefer vet inte vilken som gäller och saker faller mellan stolarna (senast: ingen beställde arbetskläder till en ny tekniker i Luleå).

Jag lutar åt **Planner**, eftersom alla redan har Teams och uppgifter kan tilldelas IT, chef och fadder. Men IT nämnde att Kundportalen har ett ärendeflöde som kan skicka påminnelser.

Vad tycker ni? Vad är viktigast för er i HR när ni följer upp?`,
		Tags:    []string{"onboarding", "checklista", "planner"},
		DaysAgo: 39,
		Likes:   4,
		Helped:  2,
		Answers: []answer{
			{
				Author: "karin",
				Body:   "Planner. Kundportalen är kundernas system och jag vill inte att personalärenden hamnar där, även om det är tekniskt möjligt. Gör en mall per roll (säljare, tekniker, kontor) och lås Word-filen så att ingen använder den av misstag.",
				Helped: 4,
			},
			{
				Author: "josefin",
				Body: `Håller med om Planner. Det jag behöver från rekryteringssidan är att kortet skapas **så fort avtalet är påskrivet**, inte första dagen. Då hinner IT beställa dator och telefon (tar 5–7 arbetsdagar) och service hinner beställa kläder.

Kan vi lägga till en kolumn "Före dag 1" i mallen?`,
				Helped: 3,
				Comments: []comment{
					{Author: "camilla", Body: "Bra poäng – gör så. Jag testar med de tre som börjar i mars."},
				},
			},
		},
	},
	{
		Community: "hr",
		Author:    "mohammed",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Avgångssamtal: tre frågor som ger mest",
		Body: `Vi har gjort avgångssamtal med alla som slutat sedan i höstas. De här tre frågorna ger överlägset mest användbara svar:

1. **"När började du titta dig omkring – och vad hände just då?"** Ger ofta en konkret händelse i stället för allmänna åsikter.
2. **"Vad hade fått dig att stanna?"** Svaren handlar sällan om lön först.
3. **"Vad ska vi berätta för den som tar över din roll?"** Ger praktisk kunskap som annars försvinner.

Tips för själva samtalet:
- Låt någon annan än närmaste chefen hålla det.
- Håll det de sista två veckorna, inte sista dagen.
- Sammanfatta anonymt per kvartal – inte per person.

Hittills är "oklar karriärväg för tekniker" det vanligaste temat. Det tar vi vidare till ledningsgruppen.`,
		Tags:    []string{"avgångssamtal", "rekrytering", "arbetsmiljö"},
		DaysAgo: 55,
		Likes:   9,
		Helped:  5,
		Thanks:  2,
	},
	{
		Community: "hr",
		Author:    "anders",
		Type:      "question",
		Lang:      "sv",
		Title:     "Flexsaldo över 40 timmar vid årsskiftet – vad gör vi?",
		Body: `Enligt flexavtalet får man föra över max **+40 timmar** till nästa år. Nu har jag sju personer som ligger på mellan 55 och 90 timmar, de flesta i sälj och på ekonomi efter bokslutet.

Ska överskjutande timmar:
- strykas,
- betalas ut som övertid, eller
- tas ut som ledighet före en viss dag?

Vi har gjort olika de senaste åren och jag vill att vi har en tydlig linje innan någon frågar.`,
		Tags:    []string{"flextid", "arbetstid", "lön"},
		DaysAgo: 102,
		Likes:   5,
		Helped:  6,
		Answers: []answer{
			{
				Author: "karin",
				Body: `Linjen från och med nu:

1. Timmar över 40 ska **tas ut som ledighet senast 31 mars**. Chefen ansvarar för att det planeras.
2. Om verksamheten inte tillåter det (chefen intygar skriftligt) betalas de ut som enkel övertid.
3. Vi stryker aldrig timmar utan samtal. Det är en arbetsmiljöfråga när någon har 90 timmar.

Jag skickar ut det till cheferna i veckan.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "anders", Body: "Tack. Jag lägger in en påminnelse i Visma så att chefer ser saldon över 40 varje månad."},
				},
			},
		},
	},
	{
		Community: "hr",
		Author:    "karin",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Sommarfredagar även för service och kundtjänst – går det?",
		Body: `Kontoret i Umeå har haft sommarfredagar (sluta 13.00 juni–augusti, arbetstiden tas igen under våren) i två år och det är väldigt uppskattat. Men service och kundtjänst har inte kunnat vara med, och det skaver.

Jag vill gärna att vi hittar en modell som fungerar för alla. Några tankar:
- Rullande schema där halva teamet går tidigt varannan fredag?
- Ledig **fredag eftermiddag var tredje vecka** i stället?
- Något helt annat – t.ex. en extra ledig dag att lägga ut själv?

Hur ser det ut hos er? Vad skulle faktiskt fungera i praktiken?`,
		Tags:    []string{"arbetstid", "arbetsmiljö", "sommar"},
		DaysAgo: 31,
		Likes:   11,
		Thanks:  1,
		Comments: []comment{
			{Author: "mohammed", Body: "Service i Luleå har högsäsong för installationer just på sommaren. En egen ledig dag att lägga ut själv är nog enklast där."},
			{Author: "camilla", Body: "Nyanställda under sommaren missar ofta det här. Viktigt att det står i välkomstmejlet oavsett modell."},
			{Author: "anders", Body: "Rent lönetekniskt är 'en extra dag att lägga ut' enklast – det blir en ny frånvarokod i Visma, inget mer."},
		},
	},
	{
		Community: "hr",
		Author:    "josefin",
		Type:      "question",
		Lang:      "sv",
		Title:     "Har vi en mall för referenstagning på engelska?",
		Body:      "Rekryterar en systemutvecklare till IT som har jobbat i Tyskland och Irland, så referenserna behöver tas på engelska. Vår svenska mall är bra men jag vill inte översätta den själv om någon redan har gjort det. Finns det en godkänd version någonstans?",
		Tags:      []string{"rekrytering", "referenser", "mall"},
		DaysAgo:   2,
		Likes:     1,
	},
	{
		Community: "hr",
		Author:    "camilla",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Kort välkomstfilm från vd till alla nyanställda",
		Body: `Många nyanställda, särskilt tekniker som börjar direkt ute i Luleå eller Göteborg, träffar aldrig någon från ledningen första månaden.

**Förslag:** en välkomstfilm på 3–4 minuter där vd berättar
- varför Fjällvind finns och vad vi är stolta över,
- vad vi förväntar oss av varandra,
- att det är okej att fråga – och var man gör det.

Filmen skickas med i välkomstmejlet och ligger först i communityn *Ny på Fjällvind*. Vi kan spela in den med mobil på kontoret i Umeå – ingen dyr produktion behövs.`,
		Tags:       []string{"onboarding", "video", "kultur"},
		DaysAgo:    70,
		Likes:      13,
		Votes:      17,
		Status:     "in_progress",
		StatusNote: "Manus godkänt av vd. Inspelning på Umeåkontoret vecka 14, textning på svenska och engelska.",
	},
	{
		Community: "hr",
		Author:    "mohammed",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Arbetsskada eller tillbud – så anmäler du och i vilken ordning",
		Body: `Efter höstens incident med stegen i Sundsvall har flera chefer frågat om rutinen. Här är den i kortformat.

**Vid olycka**
1. Ta hand om personen. Ring **112** vid behov.
2. Chefen meddelas samma dag. Chefen ringer HR.
3. Allvarlig olycka eller allvarligt tillbud: chefen anmäler till **Arbetsmiljöverket samma dag** (webbformulär).
4. Arbetsskada anmäls till **Försäkringskassan** och **AFA Försäkring** – HR hjälper till.

**Vid tillbud (nära ögat)**
1. Registrera i **ServiceMobil → Rapportera tillbud** eller i intranätets formulär.
2. Skyddsombudet får automatiskt en kopia.
3. Chefen och skyddsombudet går igenom orsaken inom **två veckor**.

Att rapportera tillbud är inte att "skvallra". Varje rapport gör nästa arbetsdag säkrare. Förra året fick vi in 43 tillbud – målet är fler, inte färre.`,
		Tags:    []string{"arbetsmiljö", "tillbud", "säkerhet"},
		DaysAgo: 91,
		Likes:   8,
		Helped:  9,
		Thanks:  3,
	},
	{
		Community: "hr",
		Author:    "camilla",
		Type:      "question",
		Lang:      "sv",
		Title:     "Gäller friskvårdsbidraget för padel och gymkort via Epassi?",
		Body: `Två nya i kundtjänst frågade i dag och jag ville dubbelkolla innan jag skriver det i onboardingmaterialet:

1. Räknas **padel** som friskvård hos oss?
2. Kan man betala gymkortet via **Epassi**, eller måste det gå som utlägg i Visma?

Tack!`,
		Tags:    []string{"friskvård", "förmåner"},
		DaysAgo: 24,
		Likes:   3,
		Helped:  4,
		Answers: []answer{
			{
				Author: "anders",
				Body: `1. **Padel räknas**, så länge det är banhyra eller träning. Racket och bollar räknas inte.
2. Vi har **inte** Epassi – allt går som utlägg i Visma med kvitto. Vi utvärderade Epassi förra året, men avgiften var för hög för vår storlek.

Skriv gärna in det i materialet, frågan kommer varje månad.`,
				Helped: 5,
			},
		},
	},
	{
		Community: "hr",
		Author:    "karin",
		Type:      "question",
		Lang:      "sv",
		Title:     "Semesterönskemål som krockar – hur prioriterar vi rättvist?",
		Body: `I kundtjänst vill nio av elva ha ledigt veckorna 28–30 i år. Nora frågar hur hon ska prioritera, och jag vill att vi har samma princip i hela bolaget.

Det vi har använt tidigare, lite olika per avdelning:
- Turordning efter anställningstid
- Den som inte fick sina önskeveckor förra året går först
- Lottning

Har ni sett något som upplevs som rättvist **och** är enkelt att förklara?`,
		Tags:    []string{"semester", "planering", "ledarskap"},
		DaysAgo: 47,
		Likes:   7,
		Helped:  3,
		Answers: []answer{
			{
				Author: "mohammed",
				Body: `Semesterlagen ger alla rätt till fyra sammanhängande veckor juni–augusti, men inte vilka veckor. Det vi sett fungera bäst är **rullande prioritet**: den som fick sina förstahandsveckor i år hamnar sist nästa år. Anställningstid känns orättvist för nya och lottning uppfattas som slumpigt.

Viktigast är att principen är känd *innan* önskemålen lämnas in, och att listan sparas så att man kan visa det nästa år.`,
				Helped: 5,
			},
			{
				Author: "anders",
				Body:   "Jag kan lägga till ett fält i Visma för 'fick förstahandsval år X' så att chefer inte behöver hålla reda på det i Excel.",
				Helped: 2,
			},
		},
	},
	{
		Community: "hr",
		Author:    "josefin",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Kompetensbaserade intervjufrågor för servicetekniker",
		Body: `Vi har haft för många tekniker som gått bra på intervjun men inte passat ute hos kund. Sedan i höstas kör vi strukturerade, kompetensbaserade frågor och det har gjort stor skillnad.

**Fyra frågor vi alltid ställer**
1. *Berätta om ett fel du inte lyckades lösa på plats. Vad gjorde du då?*
2. *Beskriv ett tillfälle när en kund var missnöjd när du kom. Hur vände du det?*
3. *När har du sagt nej till ett jobb av säkerhetsskäl?*
4. *Hur dokumenterar du det du gjort hos en kund?*

**Så bedömer vi**
- Samma frågor till alla, i samma ordning.
- Två intervjuare; båda sätter poäng 1–4 *innan* de pratar med varandra.
- Fråga efter konkreta exempel: "Vad gjorde **du**?", inte "vad brukar man göra".

Praktiskt prov (felsökning på en riggad utedel i Umeå) väger lika tungt som intervjun.`,
		Tags:    []string{"rekrytering", "intervju", "service"},
		DaysAgo: 109,
		Likes:   8,
		Helped:  6,
		Thanks:  2,
		Comments: []comment{
			{Author: "karin", Body: "Fråga 3 säger så mycket. Kan vi använda samma upplägg för installatörer solceller?"},
			{Author: "josefin", Body: "Ja, jag gör en version med takarbete i stället för utedel."},
		},
	},

	{
		Community: "hr",
		Author:    "anders",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Ansök om semester direkt i Teams i stället för i Visma",
		Body: `Varje vår får jag ett tjugotal mejl från personer som inte hittar var man ansöker om semester i Visma, och lika många chefer som glömmer att attestera.

**Idé:** koppla Vismas semesteransökan till Teams med ett enkelt formulär.

- Medarbetaren fyller i datum i en flik i Teams – samma ställe som allt annat.
- Chefen får en avisering i Teams med knapparna **Godkänn** och **Neka**.
- Beslutet skrivs tillbaka till Visma, så lön och semestersaldo blir rätt.

Det borde gå att bygga med Power Automate och Vismas API. Vill någon på IT titta på hur stort det är?`,
		Tags:    []string{"semester", "visma", "teams"},
		DaysAgo: 9,
		Likes:   5,
		Votes:   4,
		Status:  "new",
	},
	// ---------------------------------------------------------------- service
	{
		Community: "service",
		Author:    "sven",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Driftsättning av luft/vatten-värmepump – vår checklista i tolv punkter",
		Body: `Efter tre återbesök i januari som alla berodde på samma missar har vi i Luleå kört den här listan vid varje driftsättning. Noll återbesök sedan dess.

1. Kontrollera att utedelen står **minst 30 cm** över mark och snödjup, och att dräneringen inte kan frysa.
2. Täthetsprova och vakuumsug – dokumentera tryck och tid i ServiceMobil.
3. Kontrollera flöde och tryck på systemsidan. Lufta ordentligt.
4. Kontrollera att elen är rätt säkrad och att jordfelsbrytaren är av rätt typ.
5. Ställ in **kurvlutning och förskjutning** efter huset, inte fabriksvärdet.
6. Ställ in varmvattentemperatur och legionellaprogram.
7. Testa elpatronen separat.
8. Kontrollera avfrostning – kör en manuell avfrostning och se att vattnet rinner undan.
9. Koppla upp pumpen mot wifi och kundens app.
10. Fotografera utedel, innedel, elcentral och typskylt.
11. Gå igenom displayen med kunden: **tre saker** de ska kunna själva.
12. Signera driftsättningsprotokollet i ServiceMobil tillsammans med kunden.

Mallen finns i ServiceMobil under **Protokoll → Driftsättning LV**.`,
		Tags:    []string{"värmepump", "driftsättning", "checklista"},
		DaysAgo: 84,
		Likes:   18,
		Helped:  15,
		Thanks:  7,
		Comments: []comment{
			{Author: "kalle", Body: "Punkt 8 borde stå i fetstil. Isklumpar under utedelen är vårt vanligaste vinterlarm."},
			{Author: "mats", Body: "Den här blir standard i alla fyra regioner från 1 april. Tack Sven!"},
		},
	},
	{
		Community: "service",
		Author:    "kalle",
		Type:      "question",
		Lang:      "sv",
		Title:     "Högtryckslarm på luft/vatten-pumpen direkt efter avfrostning",
		Body: `Har en kund i Holmsund med en pump som är två år gammal. Den går på **högtryckslarm** några minuter efter varje avfrostning, men bara när det är kallare än -15.

Har kollat:
- Flöde på systemsidan – ser okej ut på displayen
- Filterkulventil – rengjord
- Köldmediemängd – enligt typskylt

Kunden har själv stängt termostaterna på övervåningen "för att spara". Kan det hänga ihop? Vad skulle ni kolla härnäst?`,
		Tags:    []string{"värmepump", "felsökning", "felkoder"},
		DaysAgo: 15,
		Likes:   5,
		Helped:  6,
		Answers: []answer{
			{
				Author: "sven",
				Body: `Det är nästan säkert termostaterna. Efter avfrostningen vill pumpen lämna ifrån sig mycket värme på kort tid, och med halva huset stängt finns det inte tillräckligt med flöde – trycket drar iväg.

1. Öppna termostaterna i minst två rum fullt ut (gärna badrum och hall).
2. Kontrollera att **bypassen** är öppen om det finns en.
3. Höj minsta flödet ett steg i servicemenyn.

Förklara för kunden att pumpen sparar mest när den får jobba jämnt – inte när man stänger rum.`,
				Accepted: true,
				Helped:   8,
				Comments: []comment{
					{Author: "kalle", Body: "Öppnade termostaterna och höjde minflödet. Inget larm på fyra dygn trots -22. Tack!"},
				},
			},
			{
				Author: "marco",
				Body:   "Seen the same thing in Göteborg, but there it was a half-closed valve behind the buffer tank. Worth a quick look if the thermostats don't fix it.",
				Helped: 3,
			},
		},
	},
	{
		Community: "service",
		Author:    "tove",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Säkert takarbete vid solcellsmontage – det här gäller hos oss",
		Body: `Vi har haft två tillbud på tak i år. Inget allvarligt, men det räcker. Här är det som gäller, utan undantag:

**Före**
- Riskbedömning i ServiceMobil **innan** någon går upp. Foto på taket och förankringspunkter.
- Aldrig ensam på taket. Minst två på plats, en på marken när det går.
- Kolla väder: ingen montering vid vind över **10 m/s**, is eller frost på taket.

**På taket**
- Fallskydd med sele och godkänd förankring – eller ställning med skyddsräcke.
- Takstege och glidskydd på tak brantare än 1:4.
- Verktyg i lina eller verktygsväska. Inget löst på taket.

**Stoppa jobbet** om något känns fel. Ingen chef kommer att ifrågasätta det – ring mig eller Mats.

Utbildning i fallskydd förnyas vart tredje år. Kolla ditt datum under **Min profil → Certifikat** i ServiceMobil.`,
		Tags:    []string{"takarbete", "säkerhet", "solceller"},
		DaysAgo: 50,
		Likes:   17,
		Helped:  9,
		Thanks:  5,
		Comments: []comment{
			{Author: "ali", Body: "Bra. Kan vi få fler takstegar i Stockholm? Vi delar på två mellan tre team."},
			{Author: "mats", Body: "Ali – beställ två till, jag godkänner."},
		},
	},
	{
		Community: "service",
		Author:    "marco",
		Type:      "question",
		Lang:      "en",
		Title:     "Renewing my F-gas certificate – who pays, and how do I book the exam?",
		Body: `My F-gas certificate (category I) expires in June. I did the original one in Italy and had it validated here, so I'm not sure how the Swedish renewal works.

- Does Fjällvind pay for the course and exam?
- Do I book it myself, or does someone do it for us?
- Is there a Swedish-language requirement for the exam?

I'd like to sort it now so I don't end up unable to work with refrigerant in the middle of the summer season.`,
		Tags:    []string{"f-gas", "certifikat", "köldmedium"},
		DaysAgo: 38,
		Likes:   4,
		Helped:  5,
		Answers: []answer{
			{
				Author: "mats",
				Body: `Yes, we pay – course, exam, travel and the time. It's counted as working hours.

Send me the expiry date and I'll book you through our training partner in Göteborg. They run the theory part in **English** on request, and the practical part doesn't really depend on language. Ask for the English version when they confirm.

Everyone: check your dates in **ServiceMobil → Min profil → Certifikat**. If anything expires within six months, tell me.`,
				Accepted: true,
				Helped:   6,
				Comments: []comment{
					{Author: "marco", Body: "Sent. Grazie Mats!"},
				},
			},
		},
	},
	{
		Community: "service",
		Author:    "kalle",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Logga köldmedium direkt i ServiceMobil – släng pappersjournalen",
		Body: `Sedan förra uppdateringen har ServiceMobil en egen köldmediejournal per aggregat. Jag har kört den sedan december och vill aldrig tillbaka.

**Så gör du**
1. Öppna arbetsordern → **Aggregat** → välj utedelen.
2. Tryck **Köldmedium → Ny händelse**.
3. Välj typ (påfyllning, tömning, läcksökning), köldmedium (R32, R410A, R290) och mängd i kg.
4. Skanna flaskans streckkod – då kopplas flaskan till händelsen.

**Varför det är bra**
- Kontrollrapporten till kommunen blir i princip klar av sig själv.
- Du ser direkt när förra läcksökningen gjordes.
- Lagret ser vilka flaskor som är på väg att ta slut.

Vid läcksökning med godkänt resultat räcker det att trycka **Tät** – datumet sparas.`,
		Tags:    []string{"köldmedium", "servicemobil", "f-gas"},
		DaysAgo: 61,
		Likes:   14,
		Helped:  12,
		Thanks:  4,
	},
	{
		Community: "service",
		Author:    "jenny",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur lång tid bokar ni för årlig service – bergvärme kontra luft/vatten?",
		Body: `Jag håller på att göra om bokningsmallarna för årsservice. Just nu bokar vi **90 minuter** för allt, och det blir antingen för kort eller väldigt långt.

Vad är en rimlig tid för:
- luft/vatten, en utedel
- bergvärme
- luft/luft
- kombinerat besök (värmepump + solceller hos samma kund)

Räkna gärna med körtid i glesbygd om ni har en tumregel för det också.`,
		Tags:    []string{"planering", "servicemobil", "värmepump"},
		DaysAgo: 27,
		Likes:   6,
		Helped:  5,
		Answers: []answer{
			{
				Author: "kalle",
				Body: `Min erfarenhet i Umeå:

| Typ | Tid på plats |
|---|---|
| Luft/luft | 45 min |
| Luft/vatten | 75 min |
| Bergvärme | 60 min |
| Kombinerat med solceller | +45 min |

Lägg till 15 min om det är första besöket hos kunden – man letar alltid efter pannrummet. 😄`,
				Helped: 6,
			},
			{
				Author: "sven",
				Body:   "Håller med Kalle. I Norrbotten lägger vi på **30 min körtid** per besök utanför tätort, mer vintertid. Och boka aldrig mer än fem årsservice per dag på en tekniker – då blir dokumentationen lidande.",
				Helped: 4,
			},
		},
	},
	{
		Community: "service",
		Author:    "mats",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Kundbesöket: fem saker vi alltid gör",
		Body: `Kundenkäten visar att det kunderna minns mest inte är tekniken – det är hur vi beter oss i deras hem. Fem saker som ska sitta i ryggmärgen:

1. **Ring eller sms:a 30 minuter innan** du kommer. ServiceMobil har en färdig mall: "Hej! Jag heter ... från Fjällvind och är hos er om ca 30 min."
2. **Skoskydd på** innan du kliver in. Alltid. Även om kunden säger att det inte behövs.
3. **Presentera dig** och berätta vad du ska göra och ungefär hur lång tid det tar.
4. **Lämna det renare än det var.** Dammsug efter borrning, ta med förpackningar.
5. **Avsluta med en genomgång**: vad du gjort, vad kunden ska hålla koll på och hur de når oss.

Bonus: fråga om det är något annat de undrar över. Många av våra solcellsaffärer började med en fråga vid köksbordet under ett servicebesök.`,
		Tags:    []string{"kundbesök", "kundbemötande", "service"},
		DaysAgo: 100,
		Likes:   15,
		Helped:  7,
		Thanks:  3,
	},
	{
		Community: "service",
		Author:    "ali",
		Type:      "question",
		Lang:      "sv",
		Title:     "Växelriktaren visar isolationsfel efter regn – var börjar ni leta?",
		Body: `Villa i Täby, 10 kW, två strängar, driftsatt för ett år sedan. Efter varje regnskur visar växelriktaren **isolationsfel** och stänger av i ett par timmar. När det torkar upp startar den igen.

Kunden är (förståeligt) irriterad. Jag har mätt isolationsresistans per sträng i torrt väder och fått bra värden på båda.

Hur brukar ni hitta den här typen av fel? Ska jag komma tillbaka när det regnar?`,
		Tags:    []string{"solceller", "växelriktare", "felsökning"},
		DaysAgo: 19,
		Likes:   7,
		Helped:  8,
		Answers: []answer{
			{
				Author: "tove",
				Body: `Ja, mät när det är fuktigt – i torrt väder hittar man det nästan aldrig. Vanligaste orsakerna hos oss:

1. **MC4-kontakt** som inte är helt inklickad eller är av fel fabrikat (blandade kontakter).
2. Kabel som skavts mot en takkrok eller plåtkant.
3. Vatten i en kopplingsdosa på taket.

Tips: spola försiktigt med vattenslang på en del av taket i taget medan en kollega följer isolationsvärdet på växelriktaren. Då ser man direkt vilken del som ger utslag.`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "ali", Body: "Det var en blandad MC4-kontakt i sträng 2. Bytt och torrt, trots regn i två dagar. Tack Tove!"},
					{Author: "tove", Body: "Klassikern. Vi borde ha ett foto på rätt kontakter i installationsmanualen."},
				},
			},
		},
	},
	{
		Community: "service",
		Author:    "tove",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Filma en kort instruktionsvideo med mobilen – så blir den användbar",
		Body: `Våra bästa utbildningsfilmer är inte gjorda av en byrå – de är filmade av er, ute hos kund. Så här blir de bra:

1. **Håll telefonen liggande** och stilla. Luta den mot något om du kan.
2. **En sak per film**, max två minuter. "Byta filter i innedel" – inte "hela årsservicen".
3. Börja med en **översiktsbild**, sedan närbild på händerna.
4. Prata medan du gör det, som om du lärde upp en ny kollega. Brus från fläkten gör inget.
5. **Filma aldrig** kundens ansikte, adress, husnummer eller bil.
6. Ladda upp i **ServiceMobil → Kunskap → Ladda upp video** och skriv vilken modell det gäller.

Jenny och jag går igenom uppladdade filmer en gång i veckan och lägger de bästa i utbildningsbiblioteket. Hittills har vi 23 filmer – målet är 50 till sommaren.`,
		Tags:    []string{"video", "utbildning", "servicemobil"},
		DaysAgo: 43,
		Likes:   13,
		Helped:  6,
		Thanks:  4,
	},
	{
		Community: "service",
		Author:    "kalle",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Standardhylla i alla servicebilar – samma minimilager överallt",
		Body: `Varje bil har sitt eget system, och det märks när man lånar en kollegas bil eller när man är två på ett jobb: "Har du en 22 mm koppling?" – "Nej, den ligger i min bil".

**Förslag:** en standardiserad minimilista för alla servicebilar:
- Kopplingar, rördelar och isolering för de vanligaste dimensionerna
- Filter och filterkulventiler för våra tre vanligaste pumpmodeller
- Säkringar, kontaktorer, MC4-kontakter
- Köldmedieslangar och en liten R32-flaska (för de som har F-gascertifikat)

Lagret fyller på varje fredag mot en skannad lista i ServiceMobil. Jag räknar med färre återbesök för att "delen inte fanns i bilen".`,
		Tags:       []string{"servicebil", "lager", "planering"},
		DaysAgo:    76,
		Likes:      16,
		Votes:      24,
		Status:     "planned",
		StatusNote: "Vi testar i Umeå och Luleå från maj. Kalle och lagret tar fram listan; kostnaden ligger i budget för Q2.",
		Comments: []comment{
			{Author: "marco", Body: "Yes! Half my Mondays start with a detour to the wholesaler."},
			{Author: "jenny", Body: "Kan planeringen se i ServiceMobil vad som finns i bilen? Då kan vi boka smartare."},
		},
	},
	{
		Community: "service",
		Author:    "sven",
		Type:      "question",
		Lang:      "sv",
		Title:     "Någon som provat vakuumpump med trådlös vakuummätare?",
		Body:      "Min vakuumpump börjar bli trött och jag funderar på att byta till en modell med trådlös vakuummätare som loggar direkt i appen. Någon som kört en sådan en säsong? Håller batteriet i kyla, och går loggen att exportera som PDF till protokollet?",
		Tags:      []string{"verktyg", "köldmedium", "vakuum"},
		DaysAgo:   4,
		Likes:     2,
	},
	{
		Community: "service",
		Author:    "ali",
		Type:      "tip",
		Lang:      "sv",
		Title:     "ServiceMobil offline: synka innan du kör ut på landet",
		Body: `Har förlorat ett helt protokoll två gånger när täckningen försvann mitt i en installation utanför Norrtälje. Så här undviker man det:

- **Innan du åker:** öppna dagens arbetsordrar en gång så att de laddas ned. Dra nedåt i listan för att synka.
- Slå på **Inställningar → Offline-läge → Ladda ned bilagor**. Då följer ritningar och tidigare protokoll med.
- Ta foton med ServiceMobils kamera, inte telefonens – då kopplas de till ordern även offline.
- Stäng **inte** appen innan den visat grön bock efter att du kommit tillbaka till täckning.

Ikonen uppe till höger visar status: grå moln = offline, orange = väntar på synk, grön = klart.`,
		Tags:    []string{"servicemobil", "offline", "tips"},
		DaysAgo: 33,
		Likes:   11,
		Helped:  10,
		Thanks:  3,
	},
	{
		Community: "service",
		Author:    "marco",
		Type:      "question",
		Lang:      "en",
		Title:     "Torque values for flare nuts – do we have a standard sheet?",
		Body: `Quick question. When I connect the refrigerant lines on the split units, I use the values from the manufacturer's manual, but the manuals differ a bit and not every van has a torque wrench set with the right crowfoot adapters.

Do we have a company standard sheet for **1/4", 3/8", 1/2" and 5/8"** flare nuts? And is there an official torque wrench kit we should all have?`,
		Tags:    []string{"installation", "köldmedium", "verktyg"},
		DaysAgo: 57,
		Likes:   5,
		Helped:  6,
		Answers: []answer{
			{
				Author: "kalle",
				Body: `The manufacturer's value always wins, but these are the ones we use as a fallback (they match most manuals):

| Size | Torque |
|---|---|
| 1/4" | 14–18 Nm |
| 3/8" | 34–42 Nm |
| 1/2" | 49–61 Nm |
| 5/8" | 68–82 Nm |

A drop of refrigerant oil on the flare face and the threads, never on the outside.`,
				Helped: 7,
			},
			{
				Author: "mats",
				Body:   "The official kit is in the tool catalogue in ServiceMobil under **Verktyg → Momentnyckel köldmedia**. Order one through Jenny if your van doesn't have it – it's a safety thing, not a nice-to-have.",
				Helped: 3,
			},
		},
	},
	{
		Community: "service",
		Author:    "mats",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Vinterberedskap i Norrbotten – hur fördelar vi jouren i år?",
		Body: `Förra vintern hade Luleå **31 akuta utryckningar** under köldperioden i januari, och två tekniker bar nästan hela jouren. Det håller inte.

Förslag att diskutera:
1. Jourlista med **veckovis rotation** för alla fem tekniker i Luleå, plus en från Umeå som backup.
2. Jourersättning höjs under december–februari.
3. Kundtjänst får en tydlig prioriteringslista: "inget värme + barn/äldre i huset" först.

Vad har jag missat? Vad skulle göra att ni faktiskt *vill* ta jourveckor?`,
		Tags:    []string{"jour", "planering", "arbetsmiljö"},
		DaysAgo: 118,
		Likes:   9,
		Thanks:  2,
		Comments: []comment{
			{Author: "sven", Body: "Rotation ja. Och att jourbilen alltid har extra elpatroner och en byggfläkt – då kan vi hålla värmen i huset tills delar finns."},
			{Author: "kalle", Body: "Jag tar gärna backup från Umeå, men inte samma vecka som jag har jour här."},
			{Author: "jenny", Body: "Jag kan bygga prioriteringslistan med kundtjänst så att den finns som stöd i Kundportalen."},
		},
	},
	{
		Community: "service",
		Author:    "tove",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Drönare för takinspektion innan solcellsofferten",
		Body: `I dag åker en tekniker ut och klättrar upp på taket för att mäta och bedöma skicket innan sälj kan lämna offert. Det tar tid och är ett riskmoment i sig.

**Idé:** en drönare med kamera per region. Vi flyger över taket, får mått, lutning, skuggning och skick på taket på 15 minuter – utan att någon går upp.

- Snabbare offerter
- Färre tillbud
- Bilderna kan användas i offerten och i projekteringen

Kräver drönarkort (A1/A3) för den som flyger. Jag har redan det privat.`,
		Tags:       []string{"solceller", "takarbete", "säkerhet"},
		DaysAgo:    22,
		Likes:      10,
		Votes:      12,
		Status:     "under_review",
		StatusNote: "Mats och sälj tittar på kostnad och försäkring. Besked före sommarsäsongen.",
	},
	{
		Community: "service",
		Author:    "jenny",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kund avbokar när teknikern redan är på väg – tar vi ut avgift?",
		Body: `Har haft tre fall den här månaden där kunden ringer och avbokar när teknikern redan sitter i bilen, i ett fall när han stod på uppfarten.

Vad gäller egentligen? Står det något i serviceavtalet om sen avbokning, och vem ska i så fall meddela kunden att det blir en kostnad – jag eller kundtjänst?`,
		Tags:    []string{"planering", "serviceavtal", "kundbemötande"},
		DaysAgo: 11,
		Likes:   4,
		Helped:  5,
		Answers: []answer{
			{
				Author: "mats",
				Body: `Enligt villkoren kan vi ta ut en **framkörningsavgift** om avbokningen sker senare än 24 timmar före besöket. I praktiken gör vi så här:

- Första gången: ingen avgift, men vi förklarar regeln vänligt.
- Andra gången samma kund: avgiften debiteras.
- Akut sjukdom eller liknande: aldrig avgift.

Du som planerare meddelar kunden och noterar det på ordern, så ser kundtjänst det om kunden ringer.`,
				Helped: 6,
			},
		},
	},
	{
		Community: "service",
		Author:    "marco",
		Type:      "how_to",
		Lang:      "en",
		Title:     "Pressure testing with nitrogen before charging – step by step",
		Body: `I've noticed different habits between teams, so here's the procedure I was trained on and still use. Happy to hear improvements.

1. Close the service valves on the outdoor unit – you test the **lines and indoor unit only**.
2. Connect the nitrogen bottle with a **pressure regulator**. Never straight from the bottle.
3. Pressurise slowly to the test pressure in the manual (often 40 bar for R32 systems).
4. Note pressure and outdoor temperature. Take a photo of the gauge.
5. Check every flare joint with leak spray.
6. Wait at least **30 minutes** (longer for long line sets) and compare. Adjust for temperature changes.
7. Release the nitrogen outdoors, then pull vacuum.
8. Log pressure, time and result in ServiceMobil under **Köldmedium → Täthetsprovning**.

Never use oxygen or compressed air. Never.`,
		Tags:    []string{"köldmedium", "f-gas", "läcksökning"},
		DaysAgo: 68,
		Likes:   12,
		Helped:  9,
		Thanks:  3,
		Comments: []comment{
			{Author: "sven", Body: "Bra genomgång. Vi kör samma i Luleå men väntar en timme vintertid – temperaturen svänger mer."},
		},
	},
	{
		Community: "service",
		Author:    "sven",
		Type:      "idea",
		Lang:      "sv",
		Title:     "En egen jourbil per kontor",
		Body: `I dag tar den som har jour hem sin vanliga servicebil, och den är sällan utrustad för akuta vinterärenden.

**Förslag:** en dedikerad jourbil per kontor, alltid fullt utrustad med elpatroner, byggfläkt, reservdelar för de vanligaste larmen och extra arbetskläder. Den som har jour tar hem jourbilen.`,
		Tags:       []string{"jour", "servicebil", "planering"},
		DaysAgo:    95,
		Likes:      6,
		Votes:      8,
		Status:     "declined",
		StatusNote: "För dyrt med fyra extra bilar just nu. Vi löser det i stället med en jourlåda som flyttas mellan bilarna – se Kalles idé om standardhyllan.",
	},

	// ---------------------------------------------------------------- nya-chefer
	{
		Community: "nya-chefer",
		Author:    "hanna",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Första 1:1 med en kollega som också sökte min tjänst",
		Body: `Jag blev teamledare för tre veckor sedan. En i teamet sökte samma tjänst och fick den inte. Vi har alltid haft bra kontakt, men nu känns det stelt, och hon säger nästan ingenting på våra möten.

Nästa vecka har vi vårt första 1:1. Jag vill inte låtsas som att det inte har hänt, men jag vill inte heller göra det större än det är.

- Ska jag ta upp det direkt?
- Vad säger man – utan att det låter som att jag har vunnit något?`,
		Tags:    []string{"1-1", "ledarskap", "svåra-samtal"},
		DaysAgo: 36,
		Likes:   9,
		Helped:  7,
		Thanks:  2,
		Answers: []answer{
			{
				Author: "karin",
				Body: `Ta upp det – tidigt i samtalet och kort. Det värsta är när båda vet men ingen säger något.

Något i stil med: *"Jag vet att du också sökte tjänsten. Jag tycker att du hade varit en bra kandidat, och jag vill gärna höra hur du ser på det nu och vad du vill utveckla framåt."*

Sedan: lyssna. Försvara inte rekryteringen. Fråga vad hon vill få ansvar för – ofta finns det något konkret du kan ge henne redan nu.

Räkna med att det tar några månader innan det känns normalt. Det är helt okej.`,
				Accepted: true,
				Helped:   10,
				Comments: []comment{
					{Author: "mohammed", Body: "Instämmer. Och undvik att prata om det med andra i teamet – det sprider sig snabbare än man tror."},
				},
			},
			{
				Author: "oskar",
				Body:   "Var med om exakt det här för två år sedan, fast från andra hållet – jag var den som inte fick jobbet. Det som hjälpte mig var att min nya chef bad mig leda ett eget projekt. Det visade att hon litade på mig på riktigt.",
				Helped: 6,
			},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "tomas",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur delegerar man när man själv är snabbast?",
		Body: `Jag har gått från specialist till chef. Problemet: i nästan allt teamet gör är jag fortfarande snabbast, och när det brinner tar jag det själv. Resultatet är att jag jobbar kvällar och teamet lär sig inte.

Hur har ni gjort för att släppa taget? Konkreta knep uppskattas mer än "du måste lita på folk" – det vet jag redan. 😅`,
		Tags:    []string{"delegering", "ledarskap"},
		DaysAgo: 63,
		Likes:   12,
		Helped:  8,
		Thanks:  3,
		Answers: []answer{
			{
				Author: "sven",
				Body: `Det som funkade för mig:

1. **Gör en lista** över allt du gör på en vecka. Markera det bara du kan göra. Det blir kortare än man tror.
2. Välj **en** sak att lämna över per månad. Gör den tillsammans första gången, sedan gör medarbetaren och du tittar på, sedan släpper du.
3. Säg högt vilken kvalitet som räcker. "80 % är helt okej här."

Och när det brinner: fråga "vem kan ta det här med mitt stöd?" i stället för att ta det själv.`,
				Helped: 9,
			},
			{
				Author: "nora",
				Body:   "Jag bokade in mig själv på ett annat möte när teamet hade sina svåraste ärenden, så att jag *inte kunde* hoppa in. Lite fusk, men det funkade – och de löste det bättre än jag trodde.",
				Helped: 5,
				Comments: []comment{
					{Author: "hanna", Body: "Haha, ska testa det!"},
				},
			},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "gustav",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Upprepad korttidsfrånvaro – när ska jag agera, och hur?",
		Body: `En medarbetare har varit sjuk en eller två dagar ganska ofta sedan i höstas, oftast måndagar. Jag vill inte anklaga någon, men jag ser mönstret och andra i teamet börjar också märka det.

- Finns det en gräns för när man "ska" ta ett samtal?
- Vad säger man utan att det låter som ett förhör?
- Måste HR vara med från början?`,
		Tags:    []string{"rehab", "sjukfrånvaro", "svåra-samtal"},
		DaysAgo: 20,
		Likes:   8,
		Helped:  9,
		Thanks:  4,
		Answers: []answer{
			{
				Author: "mohammed",
				Body: `Vår rutin säger: **sex sjukfrånvarotillfällen på tolv månader** ska leda till ett samtal. Det är en signal, inte en anklagelse.

I samtalet:
- Utgå från omtanke: *"Jag har märkt att du varit borta en del och vill höra hur du mår – och om det är något med jobbet som påverkar."*
- Fråga öppet, gissa inte orsak. Du har inte rätt att få veta diagnos.
- Erbjud stöd: företagshälsovården, anpassning, ändrade arbetstider.
- Skriv en kort anteckning om vad ni kom överens om.

HR behöver inte vara med i första samtalet, men ring mig innan så går vi igenom det. Vi kan också boka ett **hälsosamtal** via företagshälsan.`,
				Accepted: true,
				Helped:   11,
				Comments: []comment{
					{Author: "karin", Body: "Och skriv inte om det i en Teams-chatt eller ett mejl till någon annan än HR."},
				},
			},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "nora",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Att säga nej till ledighet utan att bli \"den dumma chefen\"",
		Body: `Jag har fått en ansökan om fem dagars ledighet mitt i vår mest intensiva period. Två andra i teamet är redan lediga och vi skulle inte klara bemanningen.

Personen har precis haft en tuff period privat, och jag vill verkligen vara en chef som ställer upp. Men jag kan inte säga ja.

Hur säger man nej på ett sätt som visar att man bryr sig?`,
		Tags:    []string{"ledarskap", "semester", "svåra-samtal"},
		DaysAgo: 8,
		Likes:   6,
		Helped:  4,
		Answers: []answer{
			{
				Author: "karin",
				Body: `Säg nej till *datumen*, inte till personen. Ta det muntligt, inte i Visma-systemet först.

1. Förklara varför – konkret: "Vi är tre personer kort den veckan."
2. Erbjud alternativ direkt: andra datum, halvdagar, eller att ta två av dagarna.
3. Fråga om det är något annat som skulle hjälpa just nu.

Om det privata är allvarligt finns det också möjlighet till tjänstledighet eller andra lösningar. Prata med HR så hittar vi något.`,
				Helped: 6,
			},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "sven",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur sätter man mål för medarbetare som mest jobbar ensamma ute hos kund?",
		Body:      "Jag har ett team där nästan alla jobbar ensamma större delen av dagen och vi ses kanske en gång i veckan. Målen vi har i dag är mest antal jobb per dag, och det känns fel – det belönar att stressa. Hur har ni satt mål som handlar om kvalitet och utveckling när ni inte ser arbetet själva?",
		Tags:      []string{"mål", "ledarskap", "medarbetarsamtal"},
		DaysAgo:   5,
		Likes:     3,
	},
	{
		Community: "nya-chefer",
		Author:    "karin",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Mall för första 1:1-samtalet med en ny medarbetare",
		Body: `Många nya chefer frågar vad man ska prata om på första 1:1. Här är frågorna jag själv använder – 45 minuter räcker.

**Om personen**
- Vad fick dig att börja här / stanna kvar här?
- Hur vill du ha feedback: direkt, skriftligt, i efterhand?
- Hur märker jag att du har en dålig dag?

**Om jobbet**
- Vad i ditt jobb ger dig energi? Vad tar energi?
- Vad önskar du att din förra chef hade gjort mer av?

**Om oss**
- Hur ofta vill du ha 1:1? (Jag föreslår varannan vecka, 30 minuter.)
- Vad ska jag göra om jag märker att något inte är bra?

**Efteråt**
- Skriv ned det viktigaste och skicka en kort sammanfattning till medarbetaren.
- Boka nästa tillfälle innan ni går.

Mallen finns som Word-fil i Nya chefers filer, mappen **Samtalsmallar**.`,
		Tags:    []string{"1-1", "medarbetarsamtal", "ledarskap"},
		DaysAgo: 90,
		Likes:   14,
		Helped:  11,
		Thanks:  5,
		Comments: []comment{
			{Author: "tomas", Body: "Frågan om dåliga dagar gav mer än alla andra tillsammans. Tack."},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "mohammed",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Rehabiliteringsprocessen steg för steg – dag 1 till dag 180",
		Body: `Som chef har du arbetsgivarens rehabiliteringsansvar. Så här ser processen ut hos oss:

1. **Dag 1:** medarbetaren sjukanmäler sig till dig och i Visma. Hör av dig och fråga hur det är.
2. **Dag 8:** läkarintyg krävs. Påminn vänligt.
3. **Dag 14:** kontakta HR. Arbetsgivaren betalar sjuklön dag 2–14, därefter tar Försäkringskassan över.
4. **Senast dag 30:** om sjukskrivningen väntas bli längre än 60 dagar ska du ta fram en **plan för återgång i arbete**. HR hjälper dig.
5. **Löpande:** avstämningsmöten med medarbetaren, gärna med företagshälsovården.
6. **Dag 90 och 180:** Försäkringskassan prövar arbetsförmågan mot annat arbete hos oss respektive på arbetsmarknaden. Det påverkar vad vi behöver undersöka.

Dokumentera varje kontakt kort i **Visma → Rehab** – det är bara du och HR som ser det.

Osäker? Ring mig hellre en gång för mycket.`,
		Tags:    []string{"rehab", "sjukfrånvaro", "arbetsrätt"},
		DaysAgo: 74,
		Likes:   10,
		Helped:  12,
		Thanks:  4,
	},
	{
		Community: "nya-chefer",
		Author:    "oskar",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Feedback-fredag: 15 minuter som ändrade mitt team",
		Body: `Jag var dålig på att ge feedback löpande – det sparades till medarbetarsamtalet och blev en lång lista som ingen mådde bra av.

Nu har jag en stående bokning **fredagar 14.45–15.00** i kalendern som heter "Feedback". Då skickar jag ett kort meddelande till en eller två i teamet:

- Något konkret de gjorde bra den här veckan, och *varför* det spelade roll.
- Ibland: en sak att tänka på till nästa vecka.

Regler jag håller mig till:
1. Aldrig bara "bra jobbat" – alltid vad och varför.
2. Beröm i text, förbättringar muntligt.
3. Alla i teamet ska ha fått något under en månad. Jag bockar av i en enkel lista.

Efter ett halvår har teamet börjat göra samma sak med varandra.`,
		Tags:    []string{"feedback", "ledarskap"},
		DaysAgo: 45,
		Likes:   13,
		Helped:  6,
		Thanks:  3,
	},
	{
		Community: "nya-chefer",
		Author:    "nora",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Från kollega till chef – vad var svårast för er?",
		Body: `Jag har varit teamledare i kundtjänst i ett halvår nu, i samma team där jag jobbade i fem år. För mig var det svåraste inte de stora sakerna, utan småsakerna: att inte längre vara med i skämten om ledningen, att lunchen blev annorlunda, att folk slutade berätta saker.

Vad var det svåraste för er? Och vad hjälpte?`,
		Tags:    []string{"ledarskap", "roll"},
		DaysAgo: 53,
		Likes:   11,
		Thanks:  2,
		Comments: []comment{
			{Author: "oskar", Body: "Att inte kunna klaga uppåt längre. Man blir plötsligt den man klagade på."},
			{Author: "tomas", Body: "Att sluta vara den som vet svaret. Jag fick lära mig att fråga teamet i stället."},
			{Author: "sven", Body: "Att ensam behöva säga nej. Det hjälpte när jag fick en chefskollega att ringa."},
			{Author: "karin", Body: "Det ni beskriver är helt normalt. Det är därför den här gruppen finns – fortsätt prata med varandra."},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "tomas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Mitt första lönesamtal – hur förbereder ni er?",
		Body: `Ska hålla lönesamtal med sju personer om två veckor, första gången för mig. Jag har läst HR:s tidslinje och lönekriterierna.

Det jag är osäker på:
- Hur mycket ska jag säga om vad jag tänker föreslå?
- Vad gör jag om någon jämför sig med en kollega?
- Hur lång tid ska jag boka?`,
		Tags:    []string{"lön", "lönesamtal", "ledarskap"},
		DaysAgo: 59,
		Likes:   7,
		Helped:  6,
		Answers: []answer{
			{
				Author: "gustav",
				Body:   "Boka 45 minuter, med 15 minuter luft efter. Jag skriver ned tre konkreta exempel per person innan, kopplade till kriterierna. Det gör samtalet mycket lugnare – både för mig och för dem.",
				Helped: 4,
			},
			{
				Author: "karin",
				Body: `Säg **vad du kommer att föreslå och varför**, men inte ett exakt belopp som om det vore klart – ramen fastställs först efter avstämningen.

Om någon jämför sig med en kollega: *"Jag pratar inte om andras löner, men jag kan förklara hur jag har bedömt just dig."* Gå sedan tillbaka till kriterierna.

Och läs Gustavs tips – exempel per person är guld.`,
				Accepted: true,
				Helped:   7,
			},
		},
	},
	{
		Community: "nya-chefer",
		Author:    "gustav",
		Type:      "question",
		Lang:      "sv",
		Title:     "Medarbetare som kör över andra på möten",
		Body: `En av mina medarbetare är duktig och engagerad, men pratar över andra på nästan varje möte. De yngre i teamet har nästan slutat säga något.

Jag har försökt styra i mötet ("vi tar en runda"), men det hjälper bara för stunden. Ska jag ta det i ett enskilt samtal, och hur säger jag det utan att hen tappar engagemanget?`,
		Tags:    []string{"svåra-samtal", "feedback", "möten"},
		DaysAgo: 28,
		Likes:   5,
		Helped:  4,
		Answers: []answer{
			{
				Author: "mohammed",
				Body: `Ja, enskilt – och snart. Använd ett konkret exempel från ett specifikt möte: vad hände, vilken effekt fick det, vad du önskar i stället.

*"På tisdagsmötet avbröt du en kollega två gånger under hennes presentation. Jag märker att flera slutar bidra då. Jag vill att du hjälper mig att få fram de andras idéer."*

Att ge personen en **roll** – t.ex. att sammanfatta andras förslag – fungerar ofta bättre än att be dem vara tystare.`,
				Helped: 6,
			},
			{
				Author: "hanna",
				Body:   "Vi började skicka ut agendan med namn på vem som presenterar vilken punkt, och att den som presenterar också avslutar punkten. Det hjälpte mer än jag trodde.",
				Helped: 2,
			},
		},
	},

	// ---------------------------------------------------------------- onboarding
	{
		Community: "onboarding",
		Author:    "niklas",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Var rapporterar jag min tid? Hittar ingen tidrapport",
		Body: `Jag har jobbat här i snart två veckor och har inte rapporterat någon tid alls, för jag hittar inte var man gör det. Min chef sa "i Visma", men när jag loggar in ser jag bara lönespecifikationer.

Blir det problem med lönen nu? Och behöver säljare överhuvudtaget rapportera tid, eller är det bara service?`,
		Tags:    []string{"tidrapportering", "visma", "lön"},
		DaysAgo: 13,
		Likes:   5,
		Helped:  8,
		Thanks:  2,
		Answers: []answer{
			{
				Author: "camilla",
				Body: `Ingen fara – lönen påverkas inte, du har månadslön. Men ja, alla rapporterar tid, även sälj (bland annat för flexsaldo och semester).

1. Öppna **Visma Tid** – det är en *egen* app, inte samma som lönespecen. Du hittar den i **Mina appar** i Microsoft 365.
2. Välj veckan och fyll i timmar per dag. Säljare använder projektet **Försäljning villa** eller **Försäljning företag**.
3. Klicka **Skicka för attest** senast måndag varje vecka.

Fyll i de två veckor du missat, så attesterar din chef dem i efterhand. Jag lägger till det här i välkomstmejlet – du är inte den första som letat!`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "anders", Body: "Bra svar. Tips: slå på påminnelsen under Inställningar → Notiser, så får du ett mejl på fredag eftermiddag."},
				},
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "alva",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Var hittar jag mitt anställningsavtal och mina lönespecar?",
		Body:      "Jag skrev på avtalet digitalt innan jag började men sparade aldrig en kopia. Nu vill banken se det eftersom vi ska söka bolån. Var ligger det? Och var hittar jag lönespecifikationen – jag har inte fått någon på papper och vill inte fråga min chef om något som alla andra verkar veta.",
		Tags:      []string{"lön", "visma", "anställning"},
		DaysAgo:   40,
		Likes:     4,
		Helped:    6,
		Answers: []answer{
			{
				Author: "anders",
				Body: `Båda finns i **Visma Lön → Mina sidor**:

- Lönespecifikationer under **Lönespecifikationer** (publiceras tre dagar före lönedagen, den 25:e).
- Anställningsavtalet under **Mina dokument → Avtal**.

Vi skickar inga lönespecar på papper längre. Behöver banken ett anställningsintyg i stället kan du beställa det av HR – det tar ett par dagar.`,
				Helped: 7,
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "How do I claim the train ticket from my first week in Umeå?",
		Body: `I'm based in Stockholm but spent my first week at HQ in Umeå. I paid the night train and two nights at the hotel with my private card.

- Where do I submit it?
- Do I need the paper receipt, or is the e-mail confirmation from SJ enough?
- Is there a per diem (traktamente) for this?

Sorry if this is obvious – the expense policy is in Swedish and Google Translate gave me some interesting results. 😄`,
		Tags:    []string{"utlägg", "resa", "traktamente"},
		DaysAgo: 49,
		Likes:   3,
		Helped:  4,
		Answers: []answer{
			{
				Author: "camilla",
				Body: `Not obvious at all! Here's the short version:

1. Open **Visma Lön → My pages → Expenses → New expense** (switch language to English at the top right).
2. One line per receipt: train, hotel. The **PDF confirmations from SJ and the hotel are enough** – no paper needed.
3. Per diem: yes, for overnight business trips more than 50 km from both home and your regular workplace. Choose **Traktamente** and fill in dates – Visma calculates the amount. Breakfast at the hotel reduces it automatically.

Your manager approves it and it's paid with the next salary.`,
				Accepted: true,
				Helped:   5,
				Comments: []comment{
					{Author: "lucas", Body: "Done in ten minutes. And the English toggle was a lifesaver."},
					{Author: "greta", Body: "Tips för nästa gång: boka via resebokningen på intranätet, då faktureras resan direkt till oss och du behöver inte lägga ut något."},
				},
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "camilla",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Din första vecka på Fjällvind – checklista",
		Body: `Välkommen! Det här är det viktigaste att få ordning på första veckan. Din chef och din fadder hjälper dig med resten.

**Dag 1**
- [ ] Hämta dator, telefon och passerkort (IT på plan 2 i Umeå, receptionen på övriga kontor)
- [ ] Logga in och sätt upp **Microsoft Authenticator**
- [ ] Kolla att du kommer in i Teams, Outlook och Kundportalen

**Dag 2–3**
- [ ] Läs igenom personalhandboken på intranätet (30 min)
- [ ] Lägg in ditt kontonummer i **Visma Lön → Mina sidor**
- [ ] Fyll i närmast anhörig i Visma
- [ ] Gå med i communityn för din avdelning här i Tacit

**Dag 4–5**
- [ ] Första 1:1 med din chef
- [ ] Rapportera tid för veckan i **Visma Tid**
- [ ] Boka in brandskyddsutbildningen (digital, 45 min)
- [ ] Ställ minst en fråga här – vi lovar att någon svarar 🙂

Tekniker: arbetskläder och skyddsskor beställs av din chef. Fråga om de inte har kommit till dag 3.`,
		Tags:    []string{"onboarding", "checklista"},
		DaysAgo: 117,
		Likes:   20,
		Helped:  15,
		Thanks:  8,
		Comments: []comment{
			{Author: "alva", Body: "Den här räddade min första vecka. Skrev ut den och bockade av!"},
			{Author: "ida", Body: "Lägger till: spara service desk-numret 4400 i telefonen direkt."},
		},
	},
	{
		Community: "onboarding",
		Author:    "greta",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Är det okej att fråga samma sak flera gånger?",
		Body: `Jag har varit här i en månad och det är så mycket nytt: system, förkortningar, vem som gör vad. Jag har redan frågat min närmaste kollega om samma sak i Visma tre gånger och ser att hon blir lite trött.

Är det normalt att det tar så här lång tid att komma in i allt? Jag känner mig ganska dum just nu.`,
		Tags:    []string{"onboarding", "kultur"},
		DaysAgo: 25,
		Likes:   14,
		Helped:  6,
		Thanks:  5,
		Answers: []answer{
			{
				Author: "nora",
				Body: `Helt normalt. Jag brukar säga till nya i kundtjänst att det tar **tre till sex månader** innan det känns som att man kan sitt jobb. Första månaden är det mesta bara brus.

Ett tips: skriv ned svaret *med egna ord* när du frågar något, i OneNote eller ett anteckningsblock. Då ser kollegan att du tar det på allvar, och nästa gång kollar du där först.`,
				Helped: 8,
			},
			{
				Author: "camilla",
				Body:   "Och fråga gärna här också! Då får din kollega en paus, och svaret hjälper nästa person som undrar samma sak. Du är inte dum – du är ny. 💛",
				Helped: 6,
				Comments: []comment{
					{Author: "karin", Body: "Instämmer helt. De som frågar mycket första tiden är ofta de som kommer in snabbast."},
				},
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "ida",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Fem IT-saker att göra första dagen",
		Body: `Från service desk, med kärlek. Gör de här fem sakerna första dagen så slipper du de vanligaste problemen:

1. **Sätt upp Authenticator** och lägg till ett reservnummer. Tappar du telefonen utan reserv blir det krångligt.
2. **Installera Bitwarden** i webbläsaren och spara dina lösenord där, inte i en anteckning.
3. **Slå på OneDrive-synk** för Skrivbord och Dokument. Då försvinner inget om datorn går sönder.
4. **Spara service desk-numret 4400** i telefonen. Vi svarar vardagar 07–17.
5. **Lär dig Report-knappen** i Outlook för misstänkta mejl. Nyanställda får ofta nätfiske första veckan, eftersom nya namn syns på LinkedIn.

Krånglar något? Hellre ett samtal för mycket än en helg utan inloggning.`,
		Tags:    []string{"mfa", "lösenord", "onboarding"},
		DaysAgo: 86,
		Likes:   16,
		Helped:  12,
		Thanks:  5,
	},
	{
		Community: "onboarding",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vem ringer jag när tjänstebilen krånglar?",
		Body:      "Fick en varningslampa på tjänstebilen i morse på väg till ett hembesök i Vännäs. Bilen går, men jag vet inte om jag vågar köra den. Vem ringer man – verkstaden, leasingbolaget eller någon här internt? Och vem betalar om jag måste ta taxi?",
		Tags:      []string{"tjänstebil", "onboarding"},
		DaysAgo:   7,
		Likes:     3,
		Helped:    4,
		Answers: []answer{
			{
				Author: "mats",
				Body: `Ring **leasingbolagets assistans** först – numret sitter på en dekal i vindrutan och finns i appen. De avgör om du kan köra vidare eller om bilen ska bärgas.

Sedan meddelar du **fordonsansvarig** (Jenny på service hanterar hela bilparken) så att vi kan planera ersättningsbil.

Taxi eller hyrbil betalar vi. Ta kvitto och lägg in det som utlägg. Om lampan är röd: stanna och kör inte vidare.`,
				Accepted: true,
				Helped:   5,
				Comments: []comment{
					{Author: "niklas", Body: "Gul lampa, däcktryck. Pumpade på macken. Sparar numret!"},
				},
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Finns det inomhusparkering för cykel på Umeåkontoret?",
		Body:      "Jag cyklar till jobbet och funderar på att fortsätta hela vintern med dubbdäck. Finns det ett cykelrum eller något låst ställe inomhus, och i så fall behöver passerkortet aktiveras för det? Och finns det någonstans att hänga blöta kläder? Cykelställen vid entrén är fulla av snö redan i november.",
		Tags:      []string{"umeå", "kontor", "cykel"},
		DaysAgo:   0,
		Likes:     1,
	},
	{
		Community: "onboarding",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "Is there a Swedish course for employees? My Swedish is \"fika level\"",
		Body: `I can order a kanelbulle and say "tack" with confidence, but Monday meetings in Swedish are still hard to follow.

Does Fjällvind offer Swedish lessons, or support for SFI or a private course? I'm happy to put in my own time, but a bit of structure would help.`,
		Tags:    []string{"svenska", "utbildning", "onboarding"},
		DaysAgo: 81,
		Likes:   9,
		Helped:  3,
		Thanks:  1,
		Answers: []answer{
			{
				Author: "camilla",
				Body: `Yes! We have a group course with a language school: **two hours a week, Tuesday afternoons**, in Umeå and online. Work time, and we pay. Next group starts in September – I'll add you to the list.

Until then: SFI through your municipality is free and flexible, and you can use work time for it if your manager agrees.`,
				Accepted: true,
				Helped:   4,
			},
			{
				Author: "josefin",
				Body:   "Small tip from the recruitment side: several colleagues are happy to do \"Swedish lunch\" – you speak only Swedish for the whole lunch. Ask in the Hela Fjällvind community!",
				Helped: 2,
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "nora",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Ny i kundtjänst? Så får du ut mest av medlyssningen",
		Body: `De första två veckorna sitter alla nya i kundtjänst bredvid en erfaren kollega och lyssnar. Det är vårt viktigaste inlärningsmoment – så här får du ut mest av det:

- **Ha Kundportalen öppen själv** och följ med i ärendet. Var klickar kollegan? Vad skriver hen i anteckningen?
- Skriv ned **ord du inte förstår** (COP, kurvlutning, ROT, elpatron) och fråga efter samtalet, inte under.
- Efter varje samtal: fråga *varför* kollegan gjorde som hen gjorde.
- Dag 3–4: ta samtal själv med kollegan bredvid. Det känns läskigt, men det är då det sätter sig.

Och kom ihåg: kunden vet inte att du är ny. Det är helt okej att säga "jag kollar det och återkommer inom en timme".`,
		Tags:    []string{"onboarding", "kundtjänst", "medlyssning"},
		DaysAgo: 62,
		Likes:   10,
		Helped:  7,
		Thanks:  3,
	},
	{
		Community: "onboarding",
		Author:    "greta",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Får jag hela friskvårdsbidraget fast jag började i oktober?",
		Body:      "Jag började i oktober och skulle vilja köpa ett halvårskort på gymmet nu. Får jag ut hela bidraget för i år, eller räknas det om efter hur många månader jag jobbat? Och vad händer om jag köper ett kort som går över årsskiftet?",
		Tags:      []string{"friskvård", "förmåner"},
		DaysAgo:   67,
		Likes:     6,
		Helped:    5,
		Answers: []answer{
			{
				Author: "anders",
				Body: `Du får **hela beloppet, 5 000 kr**, oavsett när på året du började. Det är inte proportionerat.

Kort som går över årsskiftet går bra – bidraget räknas på det år du betalar. Kom ihåg att skicka in kvittot senast **15 december**.`,
				Helped: 6,
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "camilla",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Vad önskar du att någon hade sagt till dig första veckan?",
		Body: `Vi håller på att göra om introduktionen inför hösten, och den bästa källan är ni som varit här ett tag.

Vad önskar du att någon hade sagt till dig första veckan på Fjällvind? Det kan vara praktiskt ("kaffemaskinen på plan 3 är bättre") eller större ("det är okej att säga nej till kunder ibland").

Alla svar läses och vi tar med de bästa i det nya materialet.`,
		Tags:    []string{"onboarding", "kultur"},
		DaysAgo: 17,
		Likes:   12,
		Thanks:  2,
		Comments: []comment{
			{Author: "mats", Body: "Att ingen tekniker förväntas kunna alla pumpmodeller. Ring en kollega – det gör alla, även efter tio år."},
			{Author: "nora", Body: "Att Kundportalen har en global sökning uppe till vänster. Tog mig två månader att upptäcka."},
			{Author: "karin", Body: "Att vd faktiskt läser mejl från alla. Skriv om du har en idé."},
			{Author: "ida", Body: "Att man ska ringa IT i stället för att försöka fixa själv i två timmar. 😄"},
		},
	},
	{
		Community: "onboarding",
		Author:    "niklas",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Fadder för alla nyanställda – även inom sälj",
		Body: `Service och kundtjänst har faddrar för nya, men inte sälj. Jag har en fantastisk chef, men det finns frågor man inte vill ställa till chefen – och han är ofta på resande fot.

**Förslag:** alla nyanställda får en fadder från en annan del av sin avdelning, med tre bokade fikor första månaden. Fadderns enda uppdrag är att vara den man kan fråga om allt.`,
		Tags:       []string{"onboarding", "fadder", "sälj"},
		DaysAgo:    104,
		Likes:      15,
		Votes:      19,
		Status:     "done",
		StatusNote: "Infört för alla avdelningar från mars. Faddrar tilldelas i Planner-mallen för onboarding.",
		Comments: []comment{
			{Author: "camilla", Body: "Tack Niklas – du blir själv fadder till nästa säljare i Umeå om du vill. 😉"},
		},
	},
	{
		Community: "onboarding",
		Author:    "alva",
		Anonymous: true,
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur lång är provanställningen och hur vet jag hur det går?",
		Body: `Mitt avtal säger "provanställning", men jag är osäker på hur länge den gäller och vad som händer sedan. Ingen har pratat om det sedan jag började.

Är det något möte i slutet? Och hur vet jag om jag är på rätt väg – jag vill inte få en överraskning.`,
		Tags:    []string{"anställning", "provanställning", "onboarding"},
		DaysAgo: 30,
		Likes:   7,
		Helped:  5,
		Answers: []answer{
			{
				Author: "josefin",
				Body: `Provanställningen är **sex månader** hos oss. Den övergår automatiskt i en tillsvidareanställning om ingen av er säger något annat.

Din chef ska ha ett **uppföljningssamtal efter tre månader** och ett till innan provanställningen tar slut. Om det inte är bokat – fråga gärna själv: *"Kan vi boka en avstämning om hur det går?"* Det uppfattas bara positivt.`,
				Accepted: true,
				Helped:   6,
			},
			{
				Author: "camilla",
				Body:   "Det här ska stå i onboardingplanen i Planner. Jag ser till att det läggs in för alla, tack för att du frågade!",
				Helped: 2,
			},
		},
	},
	{
		Community: "onboarding",
		Author:    "mats",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Ny som tekniker? Följ med på tre olika sorters besök första veckan",
		Body: `Till nya tekniker och installatörer: be din chef eller planeraren Jenny att du får följa med på **tre olika sorters jobb** under första veckan:

1. **En installation** – från att bilen lastas till att protokollet signeras.
2. **En årsservice** – rutinen, dokumentationen i ServiceMobil, samtalet med kunden.
3. **En felsökning** – helst ett vinterlarm. Där lär man sig mest.

Fråga kollegan om allt, även det som känns självklart: varför skoskydd, varför man sms:ar innan, varför man fotar typskylten.

Och spara **Kalle, Sven och Tove** i telefonen. De svarar alltid.`,
		Tags:    []string{"onboarding", "service", "värmepump"},
		DaysAgo: 99,
		Likes:   9,
		Helped:  5,
		Thanks:  2,
	},

	// ---------------------------------------------------------------- data-rapporter
	{
		Community: "data-rapporter",
		Author:    "erik",
		Type:      "question",
		Lang:      "en",
		Title:     "How do I get my team access to the sales forecast dashboard?",
		Body: `I'd like all ten sellers to see the **Sales forecast** dashboard in Power BI before our Monday meeting. Today only I and Elin can open it – the others get "You don't have access to this content".

Do they each need a Power BI Pro licence? And can I limit it so they only see their own region, or is that all or nothing?`,
		Tags:    []string{"powerbi", "prognos", "behörighet"},
		DaysAgo: 42,
		Likes:   5,
		Helped:  6,
		Answers: []answer{
			{
				Author: "sofia",
				Body: `No extra licences needed – the report lives in a Premium workspace, so viewers only need a free licence.

What I've done:
1. Added the group **Sälj – alla** to the **Sales** Power BI app (not the workspace).
2. Turned on **row-level security**: sellers see their own region, you and Elin see everything.

They'll find it under **Apps → Sales** in Power BI, or in Teams via the **Power BI** tab I've pinned in the Sälj channel. Give it an hour to sync the group membership.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "erik", Body: "Works, and Oskar confirms he only sees Norr. Perfect."},
				},
			},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "sofia",
		Type:      "how_to",
		Lang:      "en",
		Title:     "Pivot table from the Kundportalen opportunity export – step by step",
		Body: `Many of you export opportunities from Kundportalen to Excel and then spend an hour with filters. A pivot does it in two minutes.

1. In Kundportalen, open the view **Open opportunities – all** and click **Export to Excel**.
2. Open the file and click anywhere in the data. Press **Ctrl + T** to make it a table (important – then new rows are included automatically).
3. **Insert → PivotTable → OK**.
4. Drag **Owner** to *Rows*, **Estimated close month** to *Columns*, **Estimated revenue** to *Values*.
5. Drag **Product group** (Heat pump, Solar, Service) to *Filters*.
6. Right-click a number → **Value Field Settings → Number Format** → thousands separator.

Want the weighted pipeline? Add a column in the table: **=[@[Estimated revenue]]*[@Probability]** and use it in *Values* instead.

Next time, just paste the new export over the old table and hit **Alt + F5** to refresh.`,
		Tags:    []string{"excel", "pivot", "kundportalen"},
		DaysAgo: 78,
		Likes:   15,
		Helped:  13,
		Thanks:  6,
		Comments: []comment{
			{Author: "elin", Body: "I've shown this to three sellers already. Alt + F5 is the real magic."},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "gustav",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Five rules for clean opportunities in Kundportalen",
		Body: `The forecast is only as good as what's in the CRM. When I reconciled Q4, **23 % of open opportunities** had a close date in the past. Five simple rules:

1. **Close date in the future.** If it slipped, move it – don't leave it.
2. **One opportunity per deal.** Heat pump + solar for the same customer? One opportunity, two product lines.
3. **Probability follows the stage.** Don't type your own – the stage sets it.
4. **Lost means lost.** Close it as lost with a reason. It helps us understand why.
5. **Amount excluding VAT, before ROT deduction.** Otherwise the forecast and Visma never match.

Sofia has added a **Data quality** page to the sales dashboard showing each seller's stale opportunities. Not to shame anyone – it's there so you can fix them in five minutes on Friday.`,
		Tags:    []string{"datakvalitet", "kundportalen", "prognos"},
		DaysAgo: 55,
		Likes:   11,
		Helped:  8,
		Thanks:  2,
		Comments: []comment{
			{Author: "erik", Body: "Rule 5 explains a lot of discussions between Sälj and Ekonomi. Taking this to Monday's sales meeting."},
			{Author: "ulrika", Body: "Tack! ROT before or after has caused so much confusion in month-end."},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "emma",
		Type:      "question",
		Lang:      "en",
		Title:     "Why does Power BI show fewer cases than Kundportalen?",
		Body: `The customer service dashboard says we had **1 412 cases** in February. If I count in Kundportalen with the view "All cases – February", I get **1 489**.

77 cases is a big difference when I report to Nora. Which number is right, and why are they different?`,
		Tags:    []string{"powerbi", "kundportalen", "datakvalitet"},
		DaysAgo: 23,
		Likes:   4,
		Helped:  5,
		Answers: []answer{
			{
				Author: "sofia",
				Body: `Both are "right" – they count different things:

- The dashboard **excludes cases merged as duplicates** (they're technically still cases in Kundportalen).
- The dashboard uses **Swedish time**, the view uses UTC. Cases created between 00:00 and 01:00 on 1 March land in February in the view.
- The dataset refreshes at 06:00, so today's cases are never included.

The merged duplicates account for 71 of your 77. For reporting, use the dashboard number – it matches what customers actually contacted us about. I'll add a small note on the page explaining this.`,
				Accepted: true,
				Helped:   6,
				Comments: []comment{
					{Author: "emma", Body: "That makes sense. And 71 duplicates is a story in itself – we should look at why."},
					{Author: "nora", Body: "Agree. Let's take that on the next team meeting."},
				},
			},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "elin",
		Type:      "idea",
		Lang:      "en",
		Title:     "Weekly pipeline summary by e-mail every Monday at 07:00",
		Body: `Many sellers never open the dashboard, but they all read their e-mail. Could we send each seller a short summary every Monday morning?

- Their open opportunities this month
- Opportunities with a close date in the past
- Won deals last week

Power BI subscriptions should be able to do this without any new tools.`,
		Tags:       []string{"powerbi", "prognos", "sälj"},
		DaysAgo:    97,
		Likes:      10,
		Votes:      15,
		Status:     "done",
		StatusNote: "Live since week 6. Each seller gets a filtered snapshot on Mondays at 07:00. Unsubscribe via the link in the mail.",
	},
	{
		Community: "data-rapporter",
		Author:    "peter",
		Type:      "question",
		Lang:      "en",
		Title:     "Can we get margin per installation into the service dashboard?",
		Body: `The service dashboard shows volume and first-time-fix rate, but not what we earn. I'd like to see **gross margin per installation**, split by heat pump / solar and by region.

Material costs come from Visma, hours from ServiceMobil, revenue from Kundportalen. Is this realistic in Power BI, and roughly how much work is it?`,
		Tags:    []string{"powerbi", "marginal", "visma"},
		DaysAgo: 32,
		Likes:   6,
		Helped:  3,
		Answers: []answer{
			{
				Author: "gustav",
				Body: `Realistic, but the tricky part is the link between the three systems. Material in Visma is booked per **project number**, and only about 80 % of installations have the project number filled in on the Kundportalen order.

Suggestion: start with the 80 % and show coverage on the page, so nobody is fooled by the missing part.`,
				Helped: 4,
			},
			{
				Author: "lucas",
				Body:   "I can make the project number mandatory in the integration when an installation order is created. Then coverage is 100 % for new orders from next month. Roughly two days of work on my side.",
				Helped: 3,
				Comments: []comment{
					{Author: "peter", Body: "Please do. Sofia – can we aim for a first version before the Q2 board meeting?"},
					{Author: "sofia", Body: "Yes, if the project number fix lands in April."},
				},
			},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "sofia",
		Type:      "tip",
		Lang:      "en",
		Title:     "Power BI: three small tricks most people don't know",
		Body: `1. **Ctrl + click** in a slicer or a bar chart selects several values at once. No more clicking one by one.
2. Hover over any visual and click **⋯ → Show as a table** to see the numbers behind a chart. Great when someone asks "but what is it exactly?".
3. **Personal bookmarks:** set your filters (your region, this quarter), then **Bookmarks → Personal bookmarks → Add**. Tick *Make default view* and the report opens exactly the way you like it.

And if a number looks wrong, click **Last refreshed** at the top – nine times out of ten you're looking at yesterday's data.`,
		Tags:    []string{"powerbi", "tips"},
		DaysAgo: 14,
		Likes:   13,
		Helped:  9,
		Thanks:  3,
	},
	{
		Community: "data-rapporter",
		Author:    "mats",
		Type:      "question",
		Lang:      "en",
		Title:     "Good way to visualise first-time-fix rate per technician?",
		Body: `I want to show first-time-fix rate per technician in the service meeting, but a ranked bar chart feels like a leaderboard, and that's not the culture I want.

Has anyone seen a visual that shows the spread and trend without turning it into a competition? Small multiples? Something with the team average?`,
		Tags:    []string{"powerbi", "service", "nyckeltal"},
		DaysAgo: 10,
		Likes:   3,
	},
	{
		Community: "data-rapporter",
		Author:    "gustav",
		Type:      "discussion",
		Lang:      "en",
		Title:     "Weighted pipeline or seller commit – which forecast do we trust?",
		Body: `We now have two forecasts for villa sales:

| Quarter | Weighted pipeline | Seller commit | Actual |
|---|---|---|---|
| Q3 | 38.2 MSEK | 33.5 MSEK | 34.9 MSEK |
| Q4 | 41.0 MSEK | 36.1 MSEK | 35.4 MSEK |

The commit has been closer two quarters in a row, but the weighted pipeline is "objective" and doesn't depend on anyone's mood.

I'm leaning towards reporting the commit to the board and using the weighted number as a sanity check. What do you think – and how do we handle it when they diverge by more than 10 %?`,
		Tags:    []string{"prognos", "sälj", "rapportering"},
		DaysAgo: 48,
		Likes:   7,
		Thanks:  1,
		Comments: []comment{
			{Author: "erik", Body: "The weighted number is high because of old opportunities with inflated probabilities. Fix the data and it'll get closer. Until then, commit."},
			{Author: "peter", Body: "Commit to the board, agreed. But I want to see both in the monthly pack, with the gap explained."},
			{Author: "sofia", Body: "I can add a \"gap\" card that turns orange above 10 %. Easy."},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "ulrika",
		Type:      "question",
		Lang:      "sv",
		Title:     "Visma-export: datumen blir text i Excel",
		Body: `När jag exporterar huvudboken från Visma till Excel blir alla datum vänsterjusterade och går inte att sortera eller filtrera på månad. Det ser ut som **2025-03-14** men Excel tror att det är text.

Har provat att ändra cellformatet till Datum, men inget händer. Vad gör jag för fel?`,
		Tags:    []string{"excel", "visma", "export"},
		DaysAgo: 35,
		Likes:   4,
		Helped:  7,
		Answers: []answer{
			{
				Author: "sofia",
				Body: `Du gör inget fel – exporten sparar datumen som text. Snabbaste fixen:

1. Markera datumkolumnen.
2. **Data → Text till kolumner → Slutför** (ändra ingenting i guiden).

Nu blir de riktiga datum. Alternativt: exportera som **CSV** i stället för Excel och öppna via **Data → Från text/CSV** – då känner Power Query igen datumen direkt.`,
				Accepted: true,
				Helped:   8,
				Comments: []comment{
					{Author: "ulrika", Body: "Text till kolumner – tre klick. Varför har ingen sagt det här tidigare!"},
				},
			},
		},
	},
	{
		Community: "data-rapporter",
		Author:    "lucas",
		Type:      "how_to",
		Lang:      "en",
		Title:     "Connecting Power BI Desktop to the reporting database",
		Body: `Visma, Kundportalen and ServiceMobil data are copied every night to our reporting database, so you don't have to export anything. To connect:

1. Request the role **Rapport – läsare** through the service desk form (your manager approves).
2. In Power BI Desktop: **Get data → Azure SQL Database**.
3. Server: **sql-fjallvind-rapport.database.windows.net**, database: **rapport**.
4. Choose **Microsoft account** and sign in with your normal account.
5. Pick views from the **rpt** schema – e.g. **rpt.Invoices**, **rpt.ServiceOrders**, **rpt.Opportunities**. Don't use the raw tables; they change without warning.

Use **Import** mode unless you really need live data. Publish to your department's workspace, not *My workspace*, or nobody else can see it.`,
		Tags:    []string{"powerbi", "visma", "integration"},
		DaysAgo: 69,
		Likes:   8,
		Helped:  6,
		Thanks:  2,
	},
	{
		Community: "data-rapporter",
		Author:    "nora",
		Type:      "idea",
		Lang:      "en",
		Title:     "Call-back time per team on the customer service dashboard",
		Body: `We promise customers a call-back within **four working hours**, but we have no way to see if we keep that promise, except by counting by hand.

Idea: a card on the customer service dashboard showing the share of call-backs made within four hours, per team and per week. Kundportalen already logs when the call-back task is created and closed.`,
		Tags:    []string{"powerbi", "kundtjänst", "nyckeltal"},
		DaysAgo: 19,
		Likes:   6,
		Votes:   9,
		Status:  "new",
	},

	// ---------------------------------------------------------------- projekt-orion
	{
		Community: "projekt-orion",
		Author:    "peter",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Påminnelse: så hanterar vi material och namn i Orion",
		Body: `Innan due diligence drar igång på allvar – några spelregler, så att inget läcker innan affären är klar:

- Vi skriver **Målbolaget** eller **Orion**, aldrig det riktiga bolagsnamnet. Inte i mejl, Teams-chattar eller kalenderinbjudningar.
- Alla dokument ligger i datarummet eller i den här communityns filer. **Inga bilagor i mejl**, inga kopior i OneDrive.
- Kalenderbokningar heter "Strategimöte" och markeras som **Privat**.
- Alla i gruppen står på **insiderförteckningen**. Lägg inte till någon – inte ens en assistent – utan att fråga mig.
- Pratar ni med extern rådgivare: bara i telefon eller via datarummet.

Priya har satt känslighetsetiketten **Strikt konfidentiell** på gruppens filer; de går inte att öppna utanför gruppen ens om de skickas vidare.`,
		Tags:    []string{"sekretess", "förvärv"},
		DaysAgo: 46,
		Likes:   5,
		Helped:  2,
		Thanks:  2,
		Comments: []comment{
			{Author: "priya", Body: "Confirmed. Also: no names in Tacit titles either – this community is secret, but notifications show titles."},
		},
	},
	{
		Community: "projekt-orion",
		Author:    "peter",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Due diligence – checklista och ansvarsfördelning",
		Body: `Här är den checklista vi kör med. Varje område har en ansvarig i gruppen, och revisorn och advokatbyrån stöttar där det står.

| Område | Ansvarig | Stöd | Klart senast |
|---|---|---|---|
| Finansiell DD (3 års bokslut, kassaflöde, skulder) | Peter | Revisor | v. 18 |
| Avtal: kunder, leverantörer, garantier | Erik | Advokat | v. 18 |
| Personal: avtal, löner, kollektivavtal, pågående tvister | Karin | Advokat | v. 17 |
| Teknik: installationskvalitet, garantiåtaganden, elbehörigheter | Mats | – | v. 19 |
| IT: system, licenser, dataskydd | Priya | – | v. 17 |

**Särskilt viktigt**
1. **Garantiåtaganden** på installerade anläggningar – hur många, hur långa, och finns det reklamationer?
2. **Auktorisation** hos Elsäkerhetsverket och vem som står som elinstallatör.
3. Hur beroende bolaget är av **grundaren** för kundrelationer.

Uppdatera status i Planner-tavlan **Orion DD** varje fredag.`,
		Tags:    []string{"due-diligence", "förvärv", "checklista"},
		DaysAgo: 44,
		Likes:   4,
		Helped:  3,
		Comments: []comment{
			{Author: "mats", Body: "Jag vill göra stickprov på fem anläggningar på plats. Kan vi ordna det utan att deras kunder förstår varför?"},
			{Author: "peter", Body: "Grundaren föreslår att du följer med som 'leverantör av reservdelar'. Vi tar det på telefon."},
		},
	},
	{
		Community: "projekt-orion",
		Author:    "karin",
		Type:      "question",
		Lang:      "sv",
		Title:     "När och hur informerar vi Målbolagets 14 anställda?",
		Body: `Jag behöver en plan för hur Målbolagets personal får veta. Det är 14 personer, de flesta installatörer, och grundaren är orolig att några slutar om de hör det från fel håll.

Frågor jag vill att vi bestämmer:
- Informerar vi **samma dag** som avtalet signeras, eller vid tillträdet?
- Vem står framför dem – grundaren, vår vd eller båda?
- När informerar vi **vår egen** personal i Luleå, som kommer att jobba med dem?

Facklig förhandling (MBL) behöver också planeras in.`,
		Tags:    []string{"förvärv", "kommunikation", "personal"},
		DaysAgo: 27,
		Likes:   3,
		Helped:  2,
		Answers: []answer{
			{
				Author: "peter",
				Body: `Mitt förslag, stämt med advokaten:

1. **Signeringsdagen, kl. 15:** grundaren och vår vd informerar Målbolagets personal på plats i Luleå. Ett kort skriftligt besked delas ut.
2. **Samma dag kl. 16:** vår egen personal får ett mejl från vd, och Luleå-teamet ett kort möte med Mats.
3. **Dagen efter:** pressmeddelande och information till kunder.

MBL-förhandlingen sköts av respektive arbetsgivare före beslutet – Karin, stäm av tidpunkten med advokaten så att vi inte bryter sekretessen för tidigt.`,
				Accepted: true,
				Helped:   3,
			},
			{
				Author: "erik",
				Body:   "Lägg till: deras tre största företagskunder bör få ett personligt samtal från grundaren samma kväll – inte ett pressmeddelande. Jag kan följa med på de samtalen.",
				Helped: 2,
			},
		},
	},
	{
		Community: "projekt-orion",
		Author:    "mats",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Integrationsplan service: deras installatörer in i vår jour och ServiceMobil?",
		Body: `Målbolaget har fyra elinstallatörer med solcellsbehörighet. Vi har i dag bara en i Luleå, så det här är den stora vinsten för oss.

Min tanke för första 100 dagarna:
- **Dag 1–30:** de fortsätter som i dag. Vi byter inga system. En av våra tekniker följer med dem några dagar.
- **Dag 30–60:** ServiceMobil-konton, utbildning i våra protokoll och säkerhetsrutiner för takarbete.
- **Dag 60–100:** gemensam planering via Jenny. De ingår i jourlistan från vintern.

Risken jag ser: de är vana att bestämma själva över sina dagar. Tar vi bort det för snabbt förlorar vi folk. Synpunkter?`,
		Tags:    []string{"förvärv", "integrationsplan", "service"},
		DaysAgo: 21,
		Likes:   4,
		Comments: []comment{
			{Author: "karin", Body: "Bra upplägg. Vi behöver också jämföra deras villkor med våra – jourersättning och bilförmån skiljer sig, enligt DD-underlaget."},
			{Author: "priya", Body: "ServiceMobil accounts and laptops can be ready on day 1 if you want – just keep them in a box until day 30. Licences take two weeks to order."},
			{Author: "erik", Body: "Låt dem behålla sina kontaktytor mot kunderna så länge som möjligt. Kunderna köper av personerna, inte av bolaget."},
		},
	},
	{
		Community: "projekt-orion",
		Author:    "priya",
		Type:      "question",
		Lang:      "en",
		Title:     "IT due diligence: what do they run, and when can we get read access?",
		Body: `From the data room I can see they use **Fortnox** for accounting, a spreadsheet-based CRM, and Google Workspace for mail. No MFA policy documented.

Before signing I'd like to know:
1. Where customer data is stored (GDPR: personnummer for ROT/green deduction claims).
2. Who has admin rights to their Google tenant – is it only the founder?
3. Any recurring licences we would inherit.

Can we ask for a 30-minute call with whoever manages their IT, under the NDA?`,
		Tags:    []string{"due-diligence", "säkerhet", "förvärv"},
		DaysAgo: 38,
		Likes:   2,
		Helped:  2,
		Answers: []answer{
			{
				Author: "peter",
				Body: `Asked the founder this morning. Their IT is handled by a one-person consultancy in Boden, bound by the same NDA. Call booked for Thursday at 10 – invite is in your calendar as "Strategimöte".

He confirmed the founder is the only admin. Customer data with personnummer is in the spreadsheet, on Google Drive. Please include a remediation estimate in your DD summary – it affects the price discussion.`,
				Accepted: true,
				Helped:   2,
				Comments: []comment{
					{Author: "priya", Body: "Thanks. I'll put a number on it: migrating to our tenant, MFA for all, and moving ROT data into Kundportalen."},
				},
			},
		},
	},
	{
		Community: "projekt-orion",
		Author:    "karin",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Kommunikationsplan från signering till dag 30",
		Body: `Utkast, baserat på diskussionen i tråden om att informera personalen. Kommentera gärna här.

| När | Målgrupp | Kanal | Avsändare |
|---|---|---|---|
| Dag 0, 15.00 | Målbolagets personal | Möte på plats i Luleå | Grundaren + vd |
| Dag 0, 16.00 | Alla på Fjällvind | Mejl + inlägg i Hela Fjällvind | Vd |
| Dag 0, 16.30 | Service Luleå | Kort möte | Mats |
| Dag 1 | Kunder och press | Pressmeddelande, webb | Vd, marknad |
| Dag 1–3 | Målbolagets 20 största kunder | Telefon | Grundaren + Erik |
| Dag 7 | Målbolagets personal | Frågestund och lunch | Karin, Mats |
| Dag 30 | Alla | Lägesrapport | Vd |

**Budskap i ett par meningar:** Vi växer i norr, vi tar in kompetens vi saknar, och ingen hos Målbolaget förlorar sitt jobb på grund av affären.

Frågor och svar (Q&A) till chefer tas fram senast en vecka före signering.`,
		Tags:    []string{"kommunikation", "förvärv", "planering"},
		DaysAgo: 16,
		Likes:   4,
		Helped:  1,
		Thanks:  1,
	},
	{
		Community: "projekt-orion",
		Author:    "erik",
		Type:      "question",
		Lang:      "sv",
		Title:     "Ramavtal med ägarbytesklausul – vad händer vid förvärvet?",
		Body:      "I DD-underlaget ser jag att Målbolagets största kund, ett kommunalt bostadsbolag, har ett ramavtal med en klausul om att avtalet kan sägas upp vid ägarbyte. Det avtalet står för nästan en tredjedel av deras omsättning. Har advokaten tittat på det, och behöver vi prata med kunden innan signering?",
		Tags:      []string{"förvärv", "avtal", "due-diligence"},
		DaysAgo:   6,
		Likes:     2,
	},
}
