package demo

// postsA holds the posts of the organisation-wide, sales, customer service,
// CRM and invoicing communities.
var postsA = []post{
	// ───────────────────────── Hela Fjällvind ─────────────────────────
	{
		Community: "fjallvind",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur gör jag med parkeringsavgift när jag är på hembesök?",
		Body: `Hej! Andra veckan här och jag har redan hunnit betala parkering tre gånger inne i stan när jag varit på hembesök (Umeå centrum är inte snällt).

- Ska jag lägga upp det som **utlägg** eller finns det något företagskort?
- Räcker det med skärmdump från parkeringsappen som kvitto?
- Och behöver chefen godkänna varje gång?

Vill inte göra fel redan första månaden 😅`,
		Tags:    []string{"utlägg", "onboarding", "resor"},
		DaysAgo: 12,
		Answers: []answer{
			{
				Author: "rasmus",
				Body: `Välkommen! Parkering i tjänsten lägger du som **utlägg** i Visma-appen:

1. Välj kategori **Parkering (tjänsteresa)**.
2. Ladda upp skärmdumpen från appen – den räcker som kvitto så länge datum, belopp och zon syns.
3. Skriv kundnumret eller ordernumret i kommentaren.

Din chef attesterar alla utlägg i klump en gång i veckan, så du behöver inte be om lov för varje. Skicka in senast den 5:e så kommer det med på nästa lön.`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "niklas", Body: "Perfekt, tack! Hade missat att man skulle skriva ordernumret."},
					{Author: "johan", Body: "Tips: koppla parkeringsappen till jobbmejlen så kommer kvittona automatiskt dit."},
				},
			},
		},
		Likes:  4,
		Helped: 7,
		Thanks: 2,
	},
	{
		Community: "fjallvind",
		Author:    "liam",
		Type:      "tip",
		Lang:      "en",
		Title:     "Heads up: fake \"Kundportalen password expires today\" emails",
		Body: `Since Monday we've blocked about 40 emails that look like they come from Kundportalen, saying your **password expires today** and asking you to "keep your current password".

How to spot them:

- The sender is *kundportalen-support@* something that is **not** fjallvind.se
- The link goes to a login page that asks for your password *and* your MFA code
- Kundportalen never asks you to change your password – it uses your normal Microsoft login

If you clicked and typed your password: **no shame, just tell us right away** in the IT Support channel in Teams or call the service desk. The faster we know, the faster we can reset your sessions.

Use the **Report** button in Outlook for anything suspicious – it helps us tune the filter.`,
		Tags:    []string{"säkerhet", "phishing", "kundportalen"},
		DaysAgo: 4,
		Comments: []comment{
			{Author: "amina", Body: "Fick ett sånt i går och rapporterade det. Bra att veta att det inte bara var jag!"},
			{Author: "liam", Body: "Thanks Amina – your report was one of the ones that helped us block the rest."},
		},
		Likes:  18,
		Helped: 11,
		Thanks: 6,
	},
	{
		Community: "fjallvind",
		Author:    "karin",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Fyra kontor, ett Fjällvind – vad får er att känna er som ett gäng?",
		Body: `Vi växer snabbt och med Umeå, Stockholm, Göteborg och Luleå (plus alla som mest sitter i en servicebil) är det lätt att man bara känner de som sitter närmast.

Inför planeringen av hösten vill jag gärna höra:

1. Vad har **fungerat** för att lära känna kollegor på andra orter?
2. Vad har varit **krystat** och kan slopas?
3. Är digital fredagsfika värd det, eller blir det mest tyst på kameran?

Alla svar är välkomna, även de ärliga 😊`,
		Tags:    []string{"kultur", "teams", "samarbete"},
		DaysAgo: 21,
		Answers: []answer{
			{
				Author: "sven",
				Body:   "Ärligt: digital fika funkar inte för oss tekniker, vi är ute då. Det som funkat bäst var när två från Göteborg var med på en bergvärmeinstallation i Luleå en vecka. Man lär sig mer på en dag i pannrummet än på tio möten.",
				Helped: 8,
			},
			{
				Author: "jenny",
				Body:   "Håller med Sven om att skugga varandra är guld. Men jag tycker kickoffen i Umeå var bra också – särskilt att vi blandades i lag över avdelningar.",
				Helped: 3,
			},
			{
				Author: "priya",
				Body:   "From the IT side: a short \"who's who\" post when someone new starts helps a lot. I still don't know half the people in Service by face. Happy to help set up a channel for it.",
				Helped: 4,
				Comments: []comment{
					{Author: "karin", Body: "Bra idé! Camilla och jag tar med det i onboardingen."},
				},
			},
		},
		Likes:  15,
		Helped: 2,
		Thanks: 3,
	},
	{
		Community: "fjallvind",
		Author:    "marco",
		Type:      "question",
		Lang:      "en",
		Title:     "Does Fjällvind pay for Swedish lessons?",
		Body: `Hi all, I've been in Göteborg for five months now. My Swedish is OK for "hej, jag är tekniker" but customers often switch to talking about their heating bills and I get lost.

Does the company support Swedish courses? I know about SFI, but the evening times don't work with on-call weeks.

Any tips from others who learned Swedish while working here are also very welcome. Tack! 🙂`,
		Tags:    []string{"språk", "utbildning", "förmåner"},
		DaysAgo: 35,
		Answers: []answer{
			{
				Author: "camilla",
				Body: `Hi Marco! Yes – we pay for a **language course of your choice up to 12 000 SEK per year** if your manager approves it. Several colleagues use online courses with flexible times.

Send the course link and price to Mats, and when he says OK, book it and add the invoice as an expense under **Utbildning**. I'll also add you to the Swedish conversation group that meets on Teams on Wednesdays at 12:00.`,
				Accepted: true,
				Helped:   6,
			},
			{
				Author: "lucas",
				Body:   "I did the same last year. Honest tip: set your phone and Teams to Swedish. Painful for two weeks, then it really helps.",
				Helped: 4,
				Comments: []comment{
					{Author: "marco", Body: "Brave! I'll try it with the phone first 😄"},
				},
			},
		},
		Likes:  9,
		Helped: 3,
		Thanks: 2,
	},
	{
		Community: "fjallvind",
		Author:    "ida",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Så flyttar du Microsoft Authenticator till en ny telefon",
		Body: `Den vanligaste supportfrågan efter mobilbyte! Gör så här **innan** du lämnar tillbaka den gamla telefonen:

1. På den gamla telefonen: öppna Authenticator → **Inställningar** → slå på **Säkerhetskopiering i molnet**.
2. Installera Authenticator på den nya telefonen och logga in med ditt jobbkonto.
3. Gå till **mysignins.microsoft.com** på datorn → **Säkerhetsinformation** → **Lägg till inloggningsmetod** → Authenticator-app.
4. Skanna QR-koden med nya telefonen och godkänn testnotisen.
5. Ta bort den gamla telefonen från listan.

**Har du redan lämnat in den gamla?** Ring servicedesk på 090-17 45 00, så verifierar vi dig och nollställer MFA. Räkna med 10 minuter.`,
		Tags:    []string{"mfa", "m365", "säkerhet", "mobil"},
		DaysAgo: 48,
		Likes:   12,
		Helped:  14,
		Thanks:  5,
	},
	{
		Community: "fjallvind",
		Author:    "jenny",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Boka poolbilarna i Outlook i stället för i Excel-listan",
		Body: `Just nu bokar vi poolbilarna i Umeå genom att skriva i en Excel-fil på SharePoint. Det blir krockar nästan varje vecka – två personer har filen öppen, någon skriver över, och ingen får någon påminnelse.

**Förslag:** gör varje poolbil till en bokningsbar **resurs i Outlook**, precis som konferensrummen. Då:

- syns det direkt om bilen är ledig
- kan man boka från mobilen
- får man en påminnelse dagen innan
- kan vi se hur mycket bilarna faktiskt används

Samma sak borde gå att göra på de andra kontoren.`,
		Tags:       []string{"bilpool", "m365", "planering"},
		DaysAgo:    64,
		Likes:      11,
		Votes:      21,
		Status:     "planned",
		StatusNote: "IT har satt upp en testresurs för bil UMU-03. Går det bra i maj rullar vi ut det till alla poolbilar på samtliga kontor.",
		Comments: []comment{
			{Author: "mikael", Body: "Enkelt att fixa. Vi behöver bara en lista över registreringsnummer per kontor."},
			{Author: "kalle", Body: "Ja tack! Har blivit utan bil två gånger i vår."},
		},
	},
	{
		Community: "fjallvind",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vad betyder alla förkortningar? LVP, BVP, FVP …",
		Body: `Jag har suttit med i kundtjänst i en vecka och alla pratar i förkortningar. Jag har gissat mig fram men vill gärna ha en ordentlig lista. Det jag hört hittills:

- LVP, BVP, FVP, LLVP
- "VV" och "VVB"
- ROT och grönt avdrag (det förstår jag ungefär)

Finns det en ordlista någonstans?`,
		Tags:    []string{"onboarding", "värmepump", "ordlista"},
		DaysAgo: 9,
		Answers: []answer{
			{
				Author: "kalle",
				Body: `Här är de vanligaste:

| Förkortning | Betyder |
|---|---|
| LLVP | Luft/luft-värmepump |
| LVP | Luft/vatten-värmepump |
| BVP | Bergvärmepump |
| FVP | Frånluftsvärmepump |
| VV | Varmvatten |
| VVB | Varmvattenberedare |
| COP | Hur mycket värme pumpen ger per kWh el |

Tips: om kunden säger "den stora lådan utomhus" är det en LVP eller LLVP – fråga om det finns inomhusdel med element eller bara en fläktdel på väggen.`,
				Accepted: true,
				Helped:   12,
				Comments: []comment{
					{Author: "lisa", Body: "Lägger till: SCOP = COP över en hel säsong. Kunderna frågar ofta om det när de jämför offerter."},
				},
			},
		},
		Likes:  10,
		Helped: 8,
		Thanks: 3,
	},
	{
		Community: "fjallvind",
		Author:    "priya",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Share a link, don't attach the file",
		Body: `A small habit that saves a lot of pain: when you share a document inside Fjällvind, **share a link from OneDrive or Teams instead of attaching a copy**.

Why it matters:

- Everyone works on **the same version** – no more *Offertmall_v3_FINAL_ny.xlsx*
- You can **remove access** later (important when something was sent to the wrong person)
- Our mailboxes stay small, and search in Outlook gets faster

How:

1. Save the file in the right Teams channel or your OneDrive.
2. Click **Share** → choose *People in Fjällvind* or *Specific people*.
3. Paste the link in the email or chat.

Exception: **customers and suppliers** still get a PDF attachment for quotes and invoices – they usually can't open our links, and a PDF is what we want them to keep.`,
		Tags:    []string{"m365", "teams", "samarbete"},
		DaysAgo: 73,
		Likes:   14,
		Helped:  9,
		Thanks:  2,
	},
	{
		Community: "fjallvind",
		Author:    "greta",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur ansöker man om semester – och när ska sommaren vara inlagd?",
		Body: `Jag började på ekonomi i januari och har inte fått koll på hur semesteransökan fungerar. Är det i lönesystemet eller säger man bara till sin chef?

Hörde också något om att sommarsemestern måste vara inlagd före ett visst datum? Jag vill gärna ha två veckor i juli eftersom vi ska till släkten i Jämtland.`,
		Tags:    []string{"semester", "lön", "onboarding"},
		DaysAgo: 95,
		Answers: []answer{
			{
				Author: "anders",
				Body: `Hej Greta! All semester ansöker du om i **Visma Lön-appen** under *Frånvaro → Semester*. Din chef får en notis och godkänner där.

För sommaren gäller:

- **Senast 31 mars** ska du ha lagt in din sommarsemester.
- Du har rätt till **fyra sammanhängande veckor** under juni–augusti.
- Besked om godkännande kommer senast 30 april.

Sparade dagar syns högst upp i samma vy.`,
				Accepted: true,
				Helped:   8,
			},
			{
				Author: "ulrika",
				Body:   "Lägg till för oss på ekonomi: vi turas om kring bokslutet i juli, så prata med Peter innan du lägger in veckorna 27–28.",
				Helped: 3,
			},
		},
		Likes:  5,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "fjallvind",
		Author:    "mats",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Vinterkoll på servicebilen – fem minuter som sparar en dag",
		Body: `Nu när det blir minusgrader på riktigt: gör den här snabbkollen varje måndag morgon innan du åker ut.

- **Däck:** mönsterdjup minst 5 mm på vinterdäcken, lufttryck enligt dörrstolpen.
- **Spolarvätska:** minst −20 °C. Det finns dunkar i förrådet.
- **Motorvärmare:** sitter kabeln i och timern på? Ladda appen om bilen har fjärrstart.
- **Vinterpaket i bilen:** skrapa, borste, filt, spade, startkablar.
- **Stegen på taket:** kolla att spännbanden inte har frusit sönder.

Saknas något? Skriv i kanalen *Service – fordon* så fixar Jenny det. Ingen ska behöva stå på E4:an vid Ljusvattnet och vänta på bärgning.`,
		Tags:    []string{"arbetsmiljö", "fordon", "säkerhet"},
		DaysAgo: 110,
		Likes:   16,
		Helped:  5,
		Thanks:  4,
	},
	{
		Community: "fjallvind",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "Where do I report that a system is down?",
		Body: `Quick one: this morning the Visma integration was down for about 30 minutes and I saw people reporting it in at least four different places (Teams chat, email to me, a call to Tomas, and a post in the Sälj channel).

Is there one official place to report outages? If not, should there be?`,
		Tags:    []string{"support", "teams", "driftstörning"},
		DaysAgo: 27,
		Answers: []answer{
			{
				Author: "ida",
				Body: `Yes! There is one:

- **Teams → IT Support → channel "Driftstörningar"** for anything that affects more than just you.
- **Service desk 090-17 45 00** if it's urgent and Teams is the thing that's down 😅

We post status updates in the same channel, so people can just check there instead of asking. I'll pin a message about it again.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "priya", Body: "Thanks Ida. Let's also add the link to the intranet start page."},
				},
			},
		},
		Likes:  6,
		Helped: 5,
		Thanks: 1,
	},
	{
		Community: "fjallvind",
		Author:    "marco",
		Type:      "idea",
		Lang:      "en",
		Title:     "A shared photo library of good (and bad) installations",
		Body: `Every week I take 20–30 photos on site: good pipe routing, a neat outdoor unit on a wall bracket, but also things we find when we take over from other installers. Right now they sit in my phone.

**Idea:** one shared library in SharePoint, sorted by product type, where technicians upload their best examples with a short comment.

It would help:

- new technicians to see what "good" looks like
- sales to show customers real installations (with permission)
- customer service to understand what the customer is describing

I'm happy to start it with the Göteborg team.`,
		Tags:       []string{"installation", "kvalitet", "utbildning"},
		DaysAgo:    40,
		Likes:      13,
		Votes:      17,
		Status:     "under_review",
		StatusNote: "Bra förslag! Vi ser över hur vi hanterar kundens samtycke och bilder med adresser innan vi startar biblioteket. Besked före sommaren. /Mats",
	},
	{
		Community: "fjallvind",
		Author:    "erik",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Vad tog ni med er från kickoffen på Nolia?",
		Body: `Tack alla som var med i Umeå förra veckan! Jag är nyfiken på vad som faktiskt fastnade – inte vad som stod på agendan.

För egen del var det Service-passet om **de vanligaste felen vid installation** som gjorde störst intryck. Jag hade ingen aning om att så många återbesök beror på att kunden inte fått en genomgång av displayen.

Vad tar du med dig till ditt team?`,
		Tags:    []string{"kickoff", "samarbete", "kultur"},
		DaysAgo: 56,
		Answers: []answer{
			{
				Author: "nora",
				Body:   "Att sälj och kundtjänst ska säga **samma sak** om leveranstider. Kunderna märker direkt när vi säger olika. Vi tar fram tre standardformuleringar tillsammans med Elin nu.",
				Helped: 5,
			},
			{
				Author: "tove",
				Body:   "Att så få på kontoret visste hur ett batterilager ser ut. Jag tar gärna med mig en demo till Stockholmskontoret nästa gång jag är där.",
				Helped: 2,
				Comments: []comment{
					{Author: "sara", Body: "Ja gärna! Mina företagskunder frågar om batterier hela tiden."},
				},
			},
		},
		Likes:  8,
		Thanks: 1,
	},
	{
		Community: "fjallvind",
		Author:    "viktor",
		Type:      "question",
		Lang:      "sv",
		Title:     "Jobbmobilen och CarPlay – bråkar Intune?",
		Body: `Jag har jobbmobil (iPhone) och vill använda CarPlay i min egen bil när jag kör till Luleåkontoret. Men Teams-samtal dyker inte upp i bilen, bara vanliga samtal.

Är det Intune som blockerar, och är det i så fall meningen? Jag vill inte sitta med telefonen i handen på E4:an, så det vore skönt att kunna svara via bilen.`,
		Tags:    []string{"mobil", "intune", "teams"},
		DaysAgo: 18,
		Answers: []answer{
			{
				Author: "mikael",
				Body: `Inte Intune den här gången! Teams-samtal i CarPlay måste slås på i Teams själv:

1. Öppna Teams → din profilbild → **Inställningar** → **Samtal**.
2. Slå på **Visa Teams-samtal i telefonappens historik**.
3. Starta om Teams.

Då kommer Teams-samtal upp som vanliga samtal i bilen. Chattmeddelanden läses däremot inte upp – det är blockerat i vår policy av säkerhetsskäl.`,
				Helped: 6,
			},
		},
		Likes:  3,
		Helped: 4,
		Thanks: 1,
	},
	{
		Community: "fjallvind",
		Author:    "liam",
		Type:      "question",
		Lang:      "en",
		Title:     "Parking at the Umeå office – how does it work?",
		Body: `I'm spending two weeks at HQ in Umeå next month (coming from Stockholm). Is there staff parking at the office, and do I need a permit or a special app?

Also – do the parking spots have engine heaters? I've been told that's a thing up north in January. ❄️`,
		Tags:    []string{"kontor", "umeå", "resor"},
		DaysAgo: 85,
		Answers: []answer{
			{
				Author: "camilla",
				Body: `Welcome north! 😊

- The **backyard lot** is for staff. Register your car in the **Parkster** app under zone *Fjällvind Umeå* – it's free for us.
- Every spot has an **engine heater socket** (motorvärmare). Put the cable in the glovebox if your rental car has one.
- Visitor spots at the front are for customers, please leave those.

Ask reception for a key card on your first day.`,
				Helped: 4,
				Comments: []comment{
					{Author: "liam", Body: "Brilliant, thanks! Packing the warm jacket."},
				},
			},
		},
		Likes:  4,
		Helped: 2,
	},
	{
		Community: "fjallvind",
		Author:    "camilla",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Friskvårdsbidraget – så slipper du missa pengarna",
		Body: `Varje år är det några som missar hela eller delar av friskvårdsbidraget. Så här fungerar det:

- Du får **upp till 3 000 kr per kalenderår** för godkänd friskvård (gym, simhall, badminton, massage, skidkort för längdspår m.m.).
- Lägg in kvittot som **utlägg** med kategorin *Friskvård*.
- Kvittot måste vara **i ditt namn** och visa vad du köpt.
- **Sista dag för årets kvitton är 15 december** – sedan hinner vi inte få med det på decemberlönen.

Osäker på om något räknas? Skatteverkets lista gäller. Utrustning (skor, cyklar, klockor) räknas inte, tyvärr.`,
		Tags:    []string{"förmåner", "friskvård", "utlägg"},
		DaysAgo: 117,
		Likes:   19,
		Helped:  12,
		Thanks:  7,
	},
	{
		Community: "fjallvind",
		Author:    "hanna",
		Type:      "question",
		Lang:      "sv",
		Title:     "Får man ta med hund till kontoret i Göteborg?",
		Body: `Jag kommer att ha valp från i höst och undrar om det finns någon policy för hundar på kontoret i Göteborg. I Umeå har jag hört att det finns en kontorshund?

Frågar i god tid så att jag hinner planera hundvakt om svaret är nej. Och finns det kollegor som är allergiska vill jag såklart ta hänsyn till det.`,
		Tags:    []string{"kontor", "göteborg", "policy"},
		DaysAgo: 2,
		Likes:   7,
	},
	{
		Community: "fjallvind",
		Author:    "sven",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Mentorprogram för nya tekniker – över kontorsgränserna",
		Body: `Nya tekniker lär sig mest av att jobba bredvid någon erfaren. Men i Luleå är vi få, och den som är ny får ofta åka ensam alldeles för tidigt.

**Förslaget:**

1. Varje ny tekniker får en **mentor på ett annat kontor** under första halvåret.
2. Ett Teams-samtal i veckan på 20 minuter: "Vad var klurigt den här veckan?"
3. **En vecka på mentorns ort** under första tre månaderna.
4. Mentorn får två timmar i månaden avsatta för det.

Kostar lite resor, men vi sparar in det på färre återbesök.`,
		Tags:       []string{"mentorskap", "onboarding", "service"},
		DaysAgo:    78,
		Likes:      17,
		Votes:      26,
		Status:     "in_progress",
		StatusNote: "Pilot pågår med fyra par (Luleå–Göteborg och Umeå–Stockholm). Utvärdering efter sommaren. /Karin",
		Comments: []comment{
			{Author: "marco", Body: "I'd volunteer as a mentor for Göteborg! (In English or my slowly improving Swedish.)"},
		},
	},
	{
		Community: "fjallvind",
		Author:    "priya",
		Type:      "discussion",
		Lang:      "en",
		Title:     "What should the new intranet start page actually show?",
		Body: `We're rebuilding the intranet start page in SharePoint this spring. Before we design anything, I'd like to know what **you** open it for.

Some options we're considering:

- Today's lunch menu (Umeå) and office news
- Status of our systems (Kundportalen, Visma, Teams)
- Quick links: expenses, vacation, car pool, IT support
- The latest posts from Tacit
- Sales numbers for the month

What would make you actually use it? And what would you never look at? Honest answers please – it's much cheaper to change things now than after launch.`,
		Tags:    []string{"intranät", "m365", "samarbete"},
		DaysAgo: 31,
		Answers: []answer{
			{
				Author: "fredrik",
				Body:   "Systemstatus högst upp! Då slipper vi i kundtjänst ringa IT varje gång Kundportalen är seg, och vi kan säga till kunden direkt att det är ett känt fel.",
				Helped: 6,
			},
			{
				Author: "gustav",
				Body:   "Please no sales numbers on the start page without context – they get misread. Link to the Power BI report instead.",
				Helped: 3,
			},
			{
				Author: "kalle",
				Body:   "Den måste funka på mobilen. Vi tekniker öppnar aldrig intranätet på en dator. Jourlistan, poolbilarna och lunchmenyn allra överst, tack!",
				Helped: 7,
				Comments: []comment{
					{Author: "priya", Body: "Noted – mobile first. Thanks Kalle!"},
				},
			},
		},
		Likes:  9,
		Thanks: 2,
	},
	{
		Community: "fjallvind",
		Author:    "lucas",
		Type:      "how_to",
		Lang:      "en",
		Title:     "How to get access to a shared mailbox or Teams team",
		Body: `I see a lot of "can someone add me to…" in chats. Here's the quickest way:

1. Go to **Självservice IT** on the intranet (or type *aka.fjallvind.se/access* in your browser).
2. Choose **Shared mailbox** or **Teams team**.
3. Search for the name, e.g. *faktura@* or *Sälj Norr*.
4. Write one sentence on **why** you need it.
5. The owner gets an approval request. Once approved, access works within about 15 minutes.

Shared mailboxes show up in Outlook automatically after a restart. If they don't appear after an hour, reply to the ticket and we'll check.

**Owners:** please approve quickly – requests expire after 7 days.`,
		Tags:    []string{"m365", "teams", "behörighet"},
		DaysAgo: 60,
		Likes:   7,
		Helped:  10,
		Thanks:  3,
	},
	{
		Community: "fjallvind",
		Author:    "linnea",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Samla riktiga före/efter-elräkningar från kunder",
		Body: `Det starkaste argumentet i ett hembesök är när jag kan visa **en riktig elräkning från en granne** före och efter bytet. Kunderna litar mer på det än på våra kalkyler.

Förslag: vi ber nöjda kunder (med samtycke) om att få använda deras förbrukning året före och året efter, avidentifierat, och samlar det per hustyp och ort.

Exempel på hur det kan se ut:

| Hus | Före | Efter | Besparing |
|---|---|---|---|
| 1½-plan, 140 m², Luleå, direktel | 24 000 kWh | 11 500 kWh | 52 % |
| Villa 70-tal, Umeå, oljepanna → LVP | 19 000 kWh | 8 200 kWh | 57 % |`,
		Tags:       []string{"sälj", "värmepump", "kundcase"},
		DaysAgo:    102,
		Likes:      14,
		Votes:      19,
		Status:     "done",
		StatusNote: "Klart! Ett 30-tal kundcase finns nu i mappen Sälj → Kundcase, sorterade per ort och hustyp. Tack Linnea och alla som samlat in.",
	},
	{
		Community: "fjallvind",
		Author:    "johan",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vem ringer man när tjänstebilen ska på service?",
		Body: `Min bil har börjat pipa om service. Bokar jag själv på verkstaden eller går det via någon? Och vilken verkstad i Umeå har vi avtal med?

Jag har hembesök inbokade nästan varje dag de närmaste två veckorna, så jag behöver nog en lånebil om den blir stående.`,
		Tags:    []string{"fordon", "tjänstebil"},
		DaysAgo: 15,
		Answers: []answer{
			{
				Author: "jenny",
				Body:   "Det går via mig! Skicka regnumret och mätarställningen så bokar jag på avtalsverkstaden (i Umeå är det på Västerslätt) och ser till att du får en lånebil om det tar mer än en dag.",
				Helped: 5,
			},
			{
				Author: "mats",
				Body:   "Och kör inte för länge efter att den börjat pipa – garantin kan påverkas om servicen blir mer än en månad försenad.",
				Helped: 2,
			},
		},
		Likes:  2,
		Helped: 3,
	},
	{
		Community: "fjallvind",
		Author:    "marco",
		Type:      "question",
		Lang:      "en",
		Title:     "Are our safety instructions available in English?",
		Body: `Our work instructions for working on roofs and handling refrigerant are only in Swedish. I can read most of it with a translation app, but for safety stuff I would really prefer an official English version – "ungefär rätt" is not good enough when I'm on a roof.

Does anyone know if there is a translated version of the AFS summary we got at onboarding? Or who would be the right person to ask?`,
		Tags:    []string{"säkerhet", "arbetsmiljö", "språk"},
		DaysAgo: 6,
		Likes:   11,
	},
	{
		Community: "fjallvind",
		Author:    "liam",
		Type:      "tip",
		Lang:      "en",
		Title:     "Win + L before you get that coffee",
		Body: `Simple one, but we see it every week: unlocked laptops in the lunch room, the train and at customers' kitchen tables.

- **Windows + L** locks your screen instantly.
- On a Mac it's **Ctrl + Cmd + Q**.
- Your screen locks by itself after 5 minutes, but a lot can happen in 5 minutes – especially with Kundportalen open and customer details on screen.

Bonus: set up **Windows Hello** (face or fingerprint) so unlocking is just as quick. Ask us in IT Support if your laptop doesn't offer it.`,
		Tags:    []string{"säkerhet", "genvägar", "gdpr"},
		DaysAgo: 52,
		Likes:   10,
		Helped:  4,
		Thanks:  1,
	},
	{
		Community: "fjallvind",
		Author:    "marco",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Leave the customer's home cleaner than you found it",
		Body: `In Italy my first boss said: *"The customer will forget the COP value, but never the mud on the carpet."* After two years in Sweden I think it's even more true here.

What I do on every visit:

- **Shoe covers on at the door** – always, even if the customer says "det går bra".
- A **floor mat** under the work area in the boiler room and a dust sheet for drilling.
- **Photos before I start** of walls and floors near the work area.
- Vacuum when done – there's a small vacuum in every van.
- Take **all packaging** with us. The customer shouldn't have to drive cardboard to the recycling station.
- Walk the customer through the display before I leave, and write my name on the service sticker.

It takes 15 extra minutes. Reviews mention it more often than anything technical.`,
		Tags:    []string{"kundbemötande", "installation", "kvalitet"},
		DaysAgo: 29,
		Comments: []comment{
			{Author: "mats", Body: "Klockrent Marco. Det här lägger vi in i installationschecklistan."},
			{Author: "nora", Body: "Vi på kundtjänst får faktiskt samtal där kunder berömmer just det här!"},
		},
		Likes:  17,
		Helped: 5,
		Thanks: 4,
	},
	{
		Community: "fjallvind",
		Author:    "priya",
		Type:      "question",
		Lang:      "en",
		Title:     "Can we use Copilot to summarise Teams meetings with customers?",
		Body: `Several people have asked me whether it's OK to turn on **transcription and Copilot summaries** in Teams meetings. Internally it's working well – the sales Monday meeting notes are much better now.

But what about meetings **with customers** – for example video meetings with property managers or BRF boards? I have my own view, but I'd like to hear from HR and Security before we publish a guideline, since it touches both GDPR and trust with our customers.`,
		Tags:    []string{"m365", "teams", "gdpr"},
		DaysAgo: 10,
		Answers: []answer{
			{
				Author: "liam",
				Body: `My recommendation:

- **Internal meetings:** fine, as long as everyone can see the recording banner.
- **Customer meetings:** only if you **ask at the start** and the customer says yes. Say it out loud, don't rely on the banner.
- Never in meetings about **complaints, debt collection or HR matters**.
- Summaries live in the meeting chat – don't copy them into Kundportalen notes with personal data.

I'll draft a one-page guideline this week.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "ahmed", Body: "Bra – mina fastighetskunder har frågat om vi spelar in. Skönt att ha ett tydligt svar."},
				},
			},
			{
				Author: "karin",
				Body:   "Håller med Liam. Lägg också till att medarbetarsamtal och rehabsamtal aldrig ska transkriberas, inte ens om båda vill. Det ska stå i riktlinjen.",
				Helped: 5,
			},
		},
		Likes:  8,
		Helped: 4,
		Thanks: 1,
	},

	// ───────────────────────── Sälj ─────────────────────────
	{
		Community: "salj",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur räknar jag ut ROT-avdraget i offerten för en luft/vatten-pump?",
		Body: `Första egna offerten på gång! Kunden har oljepanna och vill byta till luft/vatten. Jag fattar att ROT-avdraget bara gäller **arbetskostnaden**, men:

1. Räknar Kundportalen ut avdraget själv eller ska jag skriva in det?
2. Vad händer om huset ägs av två personer – dubbelt så högt tak?
3. Ska rivning av oljepannan räknas som arbete?

Vill inte lova kunden ett pris som sedan inte håller.`,
		Tags:    []string{"rot-avdrag", "offert", "värmepump", "kundportalen"},
		DaysAgo: 8,
		Answers: []answer{
			{
				Author: "elin",
				Body: `Bra frågor!

1. **Kundportalen räknar själv** – så länge du använder offertmallen *Värmepump villa* och raderna har rätt artikeltyp (*Arbete* eller *Material*). Kolla rutan **ROT-underlag** längst ner innan du skickar.
2. Ja, taket är **per person och år**. Lägg till båda ägarna under *Fastighetsägare* på offerten, annars räknas bara en.
3. Ja, **demontering och bortforsling** av oljepannan räknas som arbete. Själva skrotningsavgiften gör det inte.

Skriv alltid med i offerten att avdraget förutsätter att kunden har utrymme kvar hos Skatteverket.`,
				Accepted: true,
				Helped:   11,
				Comments: []comment{
					{Author: "niklas", Body: "Tusen tack! Hade missat att lägga till den andra ägaren."},
				},
			},
			{
				Author: "johan",
				Body:   "Lägg till en mening om att kunden ska logga in på Skatteverket och kolla hur mycket ROT de har kvar i år. Sparar mycket strul om de gjort köksrenovering samma år.",
				Helped: 6,
			},
		},
		Likes:  6,
		Helped: 9,
		Thanks: 3,
	},
	{
		Community: "salj",
		Author:    "sara",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Offerten ska vara hos kunden inom 24 timmar",
		Body: `Jag följde upp mina affärer förra halvåret och siffrorna var tydliga:

| Offert skickad | Vunna |
|---|---|
| Samma dag | 41 % |
| Inom 24 h | 34 % |
| 2–5 dagar | 19 % |
| Senare | 8 % |

Så här gör jag för att hinna:

- **Förbered offerten innan besöket** med kundens uppgifter och en trolig produkt.
- **Skriv klart i bilen** direkt efter mötet – 15 minuter medan allt är färskt.
- **Ring** kunden dagen efter och fråga om de har läst den, i stället för att mejla "har du hunnit titta?".

Det viktigaste är inte snabbheten i sig, utan att kunden känner att vi faktiskt vill ha uppdraget.`,
		Tags:    []string{"offert", "uppföljning", "konvertering"},
		DaysAgo: 66,
		Comments: []comment{
			{Author: "erik", Body: "Grym sammanställning Sara. Den här tar vi upp på nästa säljmöte."},
			{Author: "maja", Body: "Gäller samma sak för oss i innesälj – vi ser nästan samma mönster."},
		},
		Likes:  19,
		Helped: 10,
		Thanks: 5,
	},
	{
		Community: "salj",
		Author:    "elin",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Så skapar du en offert från mall i Kundportalen",
		Body: `Steg för steg för er som är nya (och för er som fortfarande kopierar gamla offerter 😉):

1. Öppna kunden med **Ctrl+K** och skriv namn eller telefonnummer.
2. Klicka på **+ Ny affär** och välj affärstyp (*Villa värmepump*, *Villa solceller*, *Företag*).
3. På affären: **Skapa offert → Från mall**.
4. Välj mall. Produktpaketen ligger färdiga med rätt arbets- och materialrader.
5. Justera antal meter rör, eventuell elcentral och bortforsling.
6. Kontrollera **ROT-underlag** eller **Grönt avdrag** längst ner.
7. **Förhandsgranska PDF** – kolla att kundens namn är rätt stavat!
8. **Skicka via Kundportalen**, inte från Outlook. Då loggas det och kunden kan signera digitalt med BankID.

Mallarna uppdateras med nya priser den 1:a varje månad.`,
		Tags:    []string{"offert", "kundportalen", "mallar"},
		DaysAgo: 90,
		Likes:   13,
		Helped:  15,
		Thanks:  6,
	},
	{
		Community: "salj",
		Author:    "david",
		Type:      "question",
		Lang:      "sv",
		Title:     "Solceller + batteri: kan kunden få grönt avdrag på båda på samma faktura?",
		Body: `Villakund i Kungälv vill ha 12 kW solceller och ett batteri på 10 kWh. Hen har läst att batterier ger högre avdrag än själva panelerna.

- Kan vi ha båda på samma offert och faktura?
- Behöver batteriet vara kopplat till solcellerna för att räknas?
- Finns det något tak jag måste tänka på?`,
		Tags:    []string{"grönt-avdrag", "solceller", "batteri", "offert"},
		DaysAgo: 23,
		Answers: []answer{
			{
				Author: "sara",
				Body: `Ja, de kan ligga på samma offert och faktura, men de ska vara **separata rader** med rätt avdragstyp – solceller och lagring av egenproducerad el har olika procentsats.

- Batteriet måste vara till för att **lagra el från kundens egna solceller**, så ja, det ska höra ihop med anläggningen.
- Taket är **50 000 kr per person och år** för grönt avdrag totalt. Med ett stort batteri slår man i taket snabbt om det bara är en ägare.

Mallen *Solceller + batteri* i Kundportalen delar upp det rätt automatiskt.`,
				Accepted: true,
				Helped:   8,
			},
			{
				Author: "elin",
				Body:   "Och kom ihåg att ROT och grönt avdrag inte kan kombineras på samma arbete. Ska kunden även ha nytt tak eller takarbeten är det en egen rad med ROT.",
				Helped: 5,
			},
		},
		Likes:  5,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "salj",
		Author:    "erik",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Prisjustering på luft/vatten 1 maj – hur hanterar vi öppna offerter?",
		Body: `Leverantören höjer priserna på luft/vatten-pumparna med 4–6 % från 1 maj. Vi har i dagsläget ca 140 öppna offerter med giltighetstid som sträcker sig förbi det datumet.

Mitt förslag:

- **Offerter skickade före 15 april** gäller som de är.
- Nya offerter får **giltighet 14 dagar** i stället för 30 fram till 1 maj.
- Vi använder det som ett ärligt skäl att ringa kunder: "priset gäller om du bestämmer dig före 30 april".

Vad tycker ni? Risk att det känns som säljtryck? Hur skulle ni formulera det?`,
		Tags:    []string{"prissättning", "offert", "kundbemötande"},
		DaysAgo: 47,
		Answers: []answer{
			{
				Author: "oskar",
				Body:   "Bra upplägg. Jag skulle inte säga \"bestäm dig före\" utan snarare \"jag vill att du ska veta att priset ändras, så att du kan planera\". Samma info, men kunden känner sig informerad i stället för pressad.",
				Helped: 9,
				Comments: []comment{
					{Author: "erik", Body: "Köper den formuleringen rakt av. Lägger in i samtalsstödet."},
				},
			},
			{
				Author: "ahmed",
				Body:   "För företagskunder med längre beslutsprocesser: kan vi ge 30 dagar om affären är registrerad med sannolikhet över 50 %? Annars tappar vi BRF:er som har styrelsemöte en gång i månaden.",
				Helped: 4,
			},
			{
				Author: "linnea",
				Body:   "Fint om vi får en färdig mejlmall från säljsupport så att alla säger likadant. Annars blir det tio olika versioner och kunderna jämför.",
				Helped: 2,
			},
		},
		Likes:  8,
		Thanks: 2,
	},
	{
		Community: "salj",
		Author:    "maja",
		Type:      "question",
		Lang:      "sv",
		Title:     "Bästa svaret på \"Jag måste prata med min fru/man först\"?",
		Body: `Den här invändningen får jag i vartannat samtal när jag bokar hembesök. Ibland är det sant, ibland är det ett artigt nej.

Hur hanterar ni den utan att bli påstridiga? Har ni några formuleringar som funkar? Just nu säger jag mest "okej, jag ringer tillbaka" och sedan svarar de aldrig.`,
		Tags:    []string{"invändningar", "kundbemötande", "telefonförsäljning"},
		DaysAgo: 33,
		Answers: []answer{
			{
				Author: "oskar",
				Body: `Jag tar den alltid som sann och gör det lätt att ha med partnern:

> "Självklart, det är ett stort beslut. Hembesöket tar ungefär 45 minuter – vilken dag passar det er **båda** att vara hemma?"

Då blir det inget nej, bara en fråga om när. Säger de "vi hör av oss" frågar jag om jag får ringa på torsdag i stället för att vänta.`,
				Accepted: true,
				Helped:   12,
			},
			{
				Author: "sara",
				Body:   "Fråga också: \"Vad tror du att hen kommer att undra över?\" Då får du veta den riktiga invändningen – oftast pris eller oljud från utedelen – och kan svara på den direkt.",
				Helped: 8,
				Comments: []comment{
					{Author: "maja", Body: "Den frågan ska jag testa i dag!"},
				},
			},
			{
				Author: "linnea",
				Body:   "Erbjud att skicka en kort sammanfattning på sms som de kan titta på tillsammans. Funkar bra i Norrbotten där många bor långt isär från kontoret och inte vill ha besök i onödan.",
				Helped: 3,
			},
		},
		Likes:  11,
		Helped: 9,
		Thanks: 4,
	},
	{
		Community: "salj",
		Author:    "johan",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Återbetalningskalkyl direkt i offertmallen",
		Body: `Nästan alla villakunder frågar **"hur lång tid tar det innan den har betalat sig?"**. I dag räknar var och en i sitt eget Excel-ark och svaren blir olika.

Förslag: en sida till i offert-PDF:en med

- nuvarande uppvärmningskostnad (från kundens elräkning eller oljeförbrukning)
- beräknad kostnad efter bytet
- återbetalningstid vid tre elpriser (lågt/normalt/högt)

Fälten kan fyllas i på affären i Kundportalen. Då säger vi samma sak, och kunden får något konkret att visa sin partner.`,
		Tags:       []string{"offert", "kalkyl", "kundportalen", "värmepump"},
		DaysAgo:    70,
		Likes:      15,
		Votes:      23,
		Status:     "in_progress",
		StatusNote: "Tomas bygger kalkylen i Kundportalen. Första versionen testas av Säljteam Norr i två veckor innan den läggs i alla mallar.",
		Comments: []comment{
			{Author: "elin", Body: "Viktigt att det står tydligt att det är en uppskattning, så vi inte lovar något vi inte kan hålla."},
		},
	},
	{
		Community: "salj",
		Author:    "ahmed",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kommunala bostadsbolag och LOU – har någon vunnit en upphandling?",
		Body: `Jag har fått förfrågan från ett kommunalt bostadsbolag i Västsverige som vill byta till frånluftsvärmepumpar i fem flerbostadshus. De måste upphandla enligt LOU.

Har vi gjort det här förut? Jag undrar:

- Finns det en mall för anbud?
- Vem hjälper till med kvalitets- och miljödokumentation (ISO-certifikat osv.)?
- Brukar det vara värt tiden?`,
		Tags:    []string{"upphandling", "företag", "anbud"},
		DaysAgo: 81,
		Answers: []answer{
			{
				Author: "erik",
				Body: `Vi har lämnat fyra anbud de senaste två åren och vunnit ett (Luleå). Erfarenheter:

- **Mallen** finns i Sälj → Företag → Upphandling. Ta den senaste versionen.
- **Certifikat och referenser** har Peter på ekonomi i en färdig mapp, inklusive F-skattsedel och UC.
- **Värt det?** Om det är utvärdering på pris + kvalitet, ja. Om det bara är lägsta pris: sällan.

Ställ frågor till upphandlaren under frågeperioden – det är ofta där man vinner.`,
				Helped: 6,
			},
		},
		Likes:  4,
		Helped: 3,
	},
	{
		Community: "salj",
		Author:    "oskar",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Mitt hembesök på 45 minuter – struktur som funkar",
		Body: `Efter sju år och säkert 1 500 hembesök har jag landat i det här upplägget:

1. **5 min – Köksbordet.** Vem bor här, hur länge har ni tänkt bo kvar, vad fick er att höra av er?
2. **10 min – Rundvandring.** Pannrummet, elcentralen, var utedelen kan stå. Fråga om grannarna och ljud.
3. **10 min – Siffrorna.** Titta på elräkningen eller oljekvittona *tillsammans*.
4. **10 min – Förslaget.** Max två alternativ. Fler än två gör folk osäkra.
5. **5 min – ROT och ekonomi.** Visa summan efter avdrag, och vad en månadskostnad blir med delbetalning.
6. **5 min – Nästa steg.** Boka in när jag ringer. Aldrig "hör av er när ni har bestämt er".

Det viktigaste: **låt kunden prata de första 15 minuterna.** Då vet du vad du ska sälja.`,
		Tags:    []string{"hembesök", "säljprocess", "värmepump"},
		DaysAgo: 105,
		Likes:   20,
		Helped:  13,
		Thanks:  8,
	},
	{
		Community: "salj",
		Author:    "linnea",
		Type:      "question",
		Lang:      "sv",
		Title:     "Provision på serviceavtal som säljs i efterhand?",
		Body: `Om en kund jag sålt en pump till ringer tre månader senare och vill ha serviceavtalet Trygg – får jag provision på det, eller går det till kundtjänst som tar samtalet?

Jag har fått olika svar från olika personer, och det har hänt två gånger bara den här månaden.`,
		Tags:    []string{"provision", "serviceavtal", "lön"},
		DaysAgo: 38,
		Answers: []answer{
			{
				Author: "erik",
				Body: `Bra att du frågar, det har varit otydligt. Från och med detta kvartal gäller:

- Serviceavtal som tecknas **inom 6 månader** efter installation ger provision till **säljaren på ursprungsaffären**.
- Efter 6 månader går det till den som registrerar avtalet.
- Kundtjänst får sin del via teambonusen, så ingen förlorar på att hjälpa kunden.

Det står nu i provisionsunderlaget på intranätet, avsnitt 4.`,
				Helped: 7,
			},
		},
		Likes:  3,
		Helped: 5,
		Thanks: 1,
	},
	{
		Community: "salj",
		Author:    "david",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Be om kundens timvärden från elnätsbolaget innan solcellsofferten",
		Body: `När kunden frågar hur mycket solcellerna kommer att spara gissar vi ofta med en schablon. Mycket bättre: be kunden logga in hos sitt elnätsbolag och **exportera timvärden för förra året** (går hos Ellevio, Vattenfall och Göteborg Energi, oftast under *Min förbrukning*).

Då kan jag visa:

- hur mycket av förbrukningen som sker **dagtid** när panelerna producerar
- om ett **batteri** faktiskt lönar sig, eller om det mest blir ett dyrt tillbehör
- om kunden har en elbil som laddas på natten (vanligt!)

Kunden uppfattar oss som mer seriösa, och vi lovar inte för mycket. Tar 10 minuter extra.`,
		Tags:    []string{"solceller", "offert", "kalkyl"},
		DaysAgo: 58,
		Likes:   9,
		Helped:  6,
		Thanks:  2,
	},
	{
		Community: "salj",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vilken leveranstid kan jag lova på bergvärme just nu?",
		Body: `Kunden i Holmsund vill ha bergvärme installerat innan nästa vinter och frågar rakt ut när vi kan vara klara. Jag vill inte lova för mycket, men jag vill inte heller tappa affären för att jag låter osäker.

Vad brukar ni säga? Och räknar man från signerad offert eller från borrningen?`,
		Tags:    []string{"leveranstid", "bergvärme", "kundbemötande"},
		DaysAgo: 5,
		Answers: []answer{
			{
				Author: "johan",
				Body:   "Jag säger 8–12 veckor från signerad order, men borrningen styr. Kolla alltid kalendern \"Borrning Norr\" i Kundportalen innan du svarar.",
				Helped: 4,
			},
			{
				Author: "oskar",
				Body: `Just nu: **10–14 veckor** i Umeåområdet. Borrfirman är fullbokad i fem veckor framåt.

Mitt tips: lova aldrig ett datum i offerten, skriv *"Planerad installation vecka X–Y, bekräftas efter borrning"*. Och förklara för kunden att borrning på vintern går bra, det är återställningen av tomten som får vänta till tjällossningen.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "niklas", Body: "Smart formulering, den tar jag."},
				},
			},
		},
		Likes:  3,
		Helped: 4,
		Thanks: 1,
	},
	{
		Community: "salj",
		Author:    "sara",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Företagskunder vill hyra solceller i stället för att köpa – ska vi erbjuda det?",
		Body: `Tre av mina företagskunder i Stockholm har senaste månaden frågat om vi kan erbjuda solceller som **hyra eller leasing** – de vill inte binda kapital och ser det som en driftkostnad.

Konkurrenterna har börjat erbjuda det via finansbolag. Vi säger nej i dag.

Ska vi titta på det? Vad skulle det kräva från oss i sälj, och vad tror ni ekonomi säger?`,
		Tags:    []string{"solceller", "företag", "finansiering"},
		DaysAgo: 44,
		Answers: []answer{
			{
				Author: "ahmed",
				Body:   "Samma sak i Göteborg. Fastighetsbolagen vill ha månadskostnad. Vi förlorade en affär på 1,2 MSEK förra kvartalet för att vi bara kunde erbjuda köp.",
				Helped: 5,
			},
			{
				Author: "david",
				Body:   "Om vi gör det via ett finansbolag slipper vi risken själva. Då blir det bara en till rad i offerten för oss säljare.",
				Helped: 3,
			},
			{
				Author: "erik",
				Body:   "Jag har lyft det med Peter. Vi tittar på två finansbolag under våren. Skicka gärna konkreta fall till mig så har jag något att visa på ledningsgruppen.",
				Helped: 4,
				Comments: []comment{
					{Author: "sara", Body: "Skickar mina tre i dag!"},
				},
			},
		},
		Likes:  10,
		Thanks: 1,
	},
	{
		Community: "salj",
		Author:    "elin",
		Type:      "question",
		Lang:      "sv",
		Title:     "Månadsavslut: när måste affären vara \"Vunnen\" för att räknas?",
		Body: `Vi har haft diskussion i säljsupport om vad som gäller vid månadsskiftet. En affär som kunden signerar med BankID klockan 23.40 den sista – räknas den på den här månaden?

Och vad gäller om offerten är signerad men ordern inte är skapad i Visma än?`,
		Tags:    []string{"månadsavslut", "mål", "kundportalen"},
		DaysAgo: 29,
		Answers: []answer{
			{
				Author: "erik",
				Body: `Regeln är:

- **Signeringstidpunkten** i Kundportalen styr, inte när ordern skapas i Visma. Signerat 23.40 den sista = räknas den månaden.
- Affären ska stå som **Vunnen** senast **kl. 12 första vardagen** i nya månaden, annars kommer den inte med i rapporten som går till ledningen.
- Ordern i Visma ska vara skapad inom tre arbetsdagar.

Inga manuella ändringar av signeringsdatum – det syns i loggen och då blir det ett samtal med mig 😉`,
				Accepted: true,
				Helped:   10,
				Comments: []comment{
					{Author: "maja", Body: "Skönt att få det svart på vitt!"},
				},
			},
		},
		Likes:  7,
		Helped: 8,
		Thanks: 3,
	},
	{
		Community: "salj",
		Author:    "maja",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Invändningsbank i Kundportalen",
		Body: `Vi hör samma invändningar om och om igen: *för dyrt*, *grannen hade dåliga erfarenheter*, *oljud från utedelen*, *vi ska kanske flytta*. Varje säljare har sina egna svar i huvudet.

Tänk om det fanns en **invändningsbank** direkt i Kundportalen, så man kunde söka fram bra svar medan man pratar i telefon? Med betyg på vilka svar som faktiskt funkar.`,
		Tags:       []string{"invändningar", "kundportalen", "coachning"},
		DaysAgo:    88,
		Likes:      12,
		Votes:      13,
		Status:     "declined",
		StatusNote: "Vi bygger inte detta i Kundportalen – det blir för dyrt att underhålla där. Vi samlar i stället invändningar och svar här i Tacit under taggen \"invändningar\", så alla kan söka och förbättra dem.",
	},
	{
		Community: "salj",
		Author:    "johan",
		Type:      "question",
		Lang:      "sv",
		Title:     "Finns det en prislista för flera pumpar i samma BRF?",
		Body: `En bostadsrättsförening i Umeå med 24 radhus vill att medlemmarna ska kunna beställa luft/vatten-pumpar samtidigt. Varje hushåll betalar själva, men föreningen samordnar.

Finns det någon volymrabatt eller prislista för sådana här fall? Och behandlas det som villa eller företag i Kundportalen?`,
		Tags:    []string{"prissättning", "brf", "värmepump"},
		DaysAgo: 1,
		Likes:   2,
	},
	{
		Community: "salj",
		Author:    "erik",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Så fyller du i prognosen inför måndagsmötet",
		Body: `Prognosen tar fem minuter om du gör den på fredagen. Så här:

1. Öppna vyn **Min pipeline – prognos** i Kundportalen.
2. Gå igenom varje affär med stängningsdatum **denna månad**.
3. Sätt **Prognoskategori**:
   - *Säker* – muntligt ja, bara signering kvar
   - *Trolig* – hembesök gjort, offert skickad, positiv dialog
   - *Möjlig* – allt annat
4. Flytta stängningsdatum på affärer som inte längre är aktuella denna månad. **Hellre ärligt än optimistiskt.**
5. Skriv en rad i *Nästa steg* på varje Säker och Trolig.

På måndagsmötet går vi bara igenom *Säker* och *Trolig*. Det som står som Säker men inte stänger tre veckor i rad pratar vi om en och en.`,
		Tags:    []string{"prognos", "pipeline", "kundportalen", "mål"},
		DaysAgo: 99,
		Likes:   8,
		Helped:  11,
		Thanks:  2,
	},
	{
		Community: "salj",
		Author:    "david",
		Type:      "question",
		Lang:      "sv",
		Title:     "Får vi lova en viss årsproduktion i solcellsofferten?",
		Body: `Kunder vill gärna ha en siffra: "hur många kWh får jag per år?". Konkurrenten skriver en exakt siffra i sin offert. Vi skriver ett spann.

Får vi skriva en exakt siffra? Vad händer om anläggningen producerar mindre ett molnigt år? Kunden jämför offerterna rad för rad.`,
		Tags:    []string{"solceller", "offert", "avtal"},
		DaysAgo: 53,
		Answers: []answer{
			{
				Author: "sara",
				Body: `Nej – vi **garanterar aldrig produktion**. Vi skriver:

> *Beräknad årsproduktion: 9 800–11 200 kWh (simulerad för takets lutning och väderstreck, normalår). Faktisk produktion beror på väder, skuggning och förbrukning.*

Om kunden har det som en garanti i offerten kan de reklamera ett dåligt solår. Det har hänt konkurrenter.`,
				Helped: 7,
				Comments: []comment{
					{Author: "erik", Body: "Precis. Och skicka med simuleringsrapporten som bilaga, den ser seriös ut."},
				},
			},
		},
		Likes:  5,
		Helped: 4,
		Thanks: 1,
	},
	{
		Community: "salj",
		Author:    "ahmed",
		Type:      "question",
		Lang:      "sv",
		Title:     "Finns offertmallarna på engelska?",
		Body: `Jag har två företagskunder i Göteborg med engelskspråkig ledning (bland annat ett kontor för ett tyskt fastighetsbolag). De vill ha offerten på engelska.

Finns det översatta mallar i Kundportalen, eller måste jag översätta själv och skicka som PDF utanför systemet?`,
		Tags:    []string{"offert", "mallar", "företag"},
		DaysAgo: 11,
		Likes:   3,
	},

	// ───────────────────────── Säljteam Norr ─────────────────────────
	{
		Community: "salj-norr",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hembesök i Gällivare och Kiruna – hur planerar ni resorna?",
		Body: `Jag har fått tre leads i Malmfälten samma vecka. Det är 25 mil enkel väg från Luleå.

- Åker ni dit över dagen eller sover ni över?
- Finns det något avtal med hotell?
- Hur många besök brukar ni försöka klämma in per resa?`,
		Tags:    []string{"hembesök", "resor", "planering"},
		DaysAgo: 14,
		Answers: []answer{
			{
				Author: "linnea",
				Body: `Jag åker alltid **två dagar** och försöker få ihop minst **fyra besök** innan det är värt det. Vänta hellre en vecka och samla leads än åk för ett enda.

- Vi har **hotellavtal** i både Kiruna och Gällivare – boka via resebyrån så hamnar det på rätt kostnadsställe.
- Ring kunden dagen innan. På vintern kan vädret ställa till det på E10, och det är surt att köra 25 mil till en stängd dörr.
- Erbjud videomöte som första steg till kunder längre bort.`,
				Accepted: true,
				Helped:   6,
			},
			{
				Author: "oskar",
				Body:   "Koordinera med Sven på service – teknikerna åker ofta upp på tisdagar och det är smidigt att samåka eller i alla fall boka samma hotell.",
				Helped: 3,
			},
		},
		Likes:  4,
		Helped: 4,
		Thanks: 2,
	},
	{
		Community: "salj-norr",
		Author:    "linnea",
		Type:      "tip",
		Lang:      "sv",
		Title:     "\"Räcker en luft/luft?\" – så förklarar jag det för kunder i Norrbotten",
		Body: `Många kunder har hört att en luft/luft-pump är billig och bra. I Stockholm kan det stämma, men här uppe behöver de förstå begränsningarna.

Så här brukar jag säga:

- **Den värmer luften i ett rum** – inte element, inte varmvatten. Sovrum på andra våningen blir kalla.
- Vid **−25 och kallare** sjunker effekten kraftigt. Då går elementen eller elpannan igång ändå.
- Den är **ett komplement**, inte en ersättning för huvudvärmen.

Jag ritar huset på ett papper och visar var värmen hamnar. Det funkar bättre än alla tekniska siffror.

Passar kunden för luft/vatten eller bergvärme men har en begränsad budget? Sälj inte luft/luft som en lösning på allt. De kommer att ringa kundtjänst i januari.`,
		Tags:    []string{"värmepump", "kundbemötande", "norrland"},
		DaysAgo: 62,
		Likes:   12,
		Helped:  7,
		Thanks:  3,
		Comments: []comment{
			{Author: "johan", Body: "Pappersritningen är klockren. Har lånat den sedan du visade på teammötet."},
		},
	},
	{
		Community: "salj-norr",
		Author:    "oskar",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Bomässan på Nolia i september – vilka åker och hur bemannar vi?",
		Body: `Vi har fått monterplats på **Bomässan på Nolia** i Umeå (fre–sön). Förra året fick vi ut ca 90 leads därifrån, varav 22 blev affärer.

Jag behöver:

1. Två säljare per pass (fyra pass per dag)
2. En tekniker på lördagen som kan svara på installationsfrågor
3. Någon som tar med demopumpen från lagret

Skriv i tråden vilka pass ni kan ta. Lördag förmiddag brukar vara tyngst.`,
		Tags:    []string{"mässa", "leads", "planering"},
		DaysAgo: 19,
		Answers: []answer{
			{
				Author: "johan",
				Body:   "Jag tar fredag eftermiddag och hela lördagen. Demopumpen kan jag hämta på lagret på torsdagen, jag har ändå bilen med dragkrok.",
				Helped: 1,
			},
			{
				Author: "niklas",
				Body:   "Jag vill gärna vara med och lära mig! Kan ta lördag förmiddag tillsammans med Johan om det går bra? Då kan jag se hur han gör.",
				Helped: 1,
				Comments: []comment{
					{Author: "oskar", Body: "Perfekt, bra sätt att komma igång. Bokar in er."},
				},
			},
			{
				Author: "maja",
				Body:   "Jag kan inte vara på plats men tar hand om att ringa alla mässleads måndag–tisdag efteråt. Lägg in dem i kampanjen \"Nolia\" i Kundportalen så hittar jag dem.",
				Helped: 4,
			},
		},
		Likes:  5,
		Thanks: 1,
	},
	{
		Community: "salj-norr",
		Author:    "linnea",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vem tar Luleå-kunderna när jag har semester v. 28–31?",
		Body: `Jag är ledig fyra veckor i sommar och det är jag som har alla Luleå-leads. Förra sommaren blev flera leads liggande och två kunder klagade.

Hur brukar vi lösa det? Ska jag flytta över mina öppna affärer till någon, eller räcker ett frånvaromeddelande?`,
		Tags:    []string{"semester", "leads", "kundportalen"},
		DaysAgo: 26,
		Answers: []answer{
			{
				Author: "erik",
				Body: `Vi gör så här i år:

- **Maja** tar alla nya leads från Luleå under v. 28–31 och bokar hembesök från v. 32, eller videomöte om kunden inte vill vänta.
- **Dina öppna affärer** ligger kvar på dig, men sätt Maja som *Bevakare* i Kundportalen så ser hon aktiviteterna.
- Skriv en rad i *Nästa steg* på varje affär, så att den som svarar vet var ni är.

Frånvaromeddelandet i Outlook ska hänvisa till salj.norr@fjallvind.se, inte till Maja personligen.`,
				Helped: 5,
				Comments: []comment{
					{Author: "maja", Body: "Funkar för mig! Linnea, ta gärna 15 minuter med mig innan du går så vi kan gå igenom de viktigaste."},
				},
			},
		},
		Likes:  3,
		Helped: 2,
		Thanks: 2,
	},
	{
		Community: "salj-norr",
		Author:    "oskar",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Klustra hembesöken per område – inte per inkommen lead",
		Body: `I Västerbotten och Norrbotten är det körtiden som äter upp dagarna. Jag bokade förr i den ordning leadsen kom in, och körde 30 mil per dag.

Nu gör jag så här:

- **Måndag:** Umeå stad
- **Tisdag:** Skellefteå och kusten norrut
- **Onsdag:** Vindeln, Lycksele och inlandet (varannan vecka)
- **Torsdag:** Umeå med omnejd
- **Fredag:** offerter, uppföljning, administration

Kunden får välja mellan de dagar vi är i deras område. Ingen har klagat – de flesta uppskattar att jag säger "jag är i Bygdeå på tisdag, passar förmiddag eller eftermiddag?".

Resultat: **från 3 till 5 besök per dag** och betydligt färre mil i bilen.`,
		Tags:    []string{"hembesök", "planering", "effektivitet"},
		DaysAgo: 76,
		Likes:   10,
		Helped:  8,
		Thanks:  4,
	},
	{
		Community: "salj-norr",
		Author:    "johan",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Demopump på Luleåkontoret",
		Body: `I Umeå har vi en luft/vatten-pump uppställd i entrén så att kunder kan höra hur tyst den är. Det är ett av våra bästa säljargument – folk tror att det låter som en dammsugare.

Kan vi få en likadan till Luleå? Kontoret har bra skyltläge och folk kommer in spontant.`,
		Tags:    []string{"luleå", "värmepump", "demo"},
		DaysAgo: 3,
		Likes:   4,
		Votes:   6,
		Status:  "new",
	},
	{
		Community: "salj-norr",
		Author:    "maja",
		Type:      "question",
		Lang:      "sv",
		Title:     "Fler Norrbotten-leads än vi hinner med – boka in dem på Umeå-säljarna?",
		Body: `Efter annonskampanjen i Norrbottens-Kuriren har vi 40 obokade leads i Luleå, Piteå och Boden. Linnea har fullt i tre veckor.

Ska jag boka in dem på Johan och Oskar i stället, eller är det bättre att kunderna väntar på en säljare som känner området?`,
		Tags:    []string{"leads", "planering", "kampanj"},
		DaysAgo: 41,
		Answers: []answer{
			{
				Author: "oskar",
				Body:   "Jag kan ta Piteå-leadsen, det är på vägen från Skellefteå. Boka in dem på tisdagar och onsdagar de närmaste två veckorna. Boden och Luleå är bättre att Linnea tar, där har hon referenskunder i samma områden.",
				Helped: 5,
			},
			{
				Author: "erik",
				Body:   "Bra lösning. Och Maja – ring alla 40 och sätt förväntningar i dag, även de som får vänta. En lead som får ett samtal inom 24 timmar är mycket varmare än en som väntar på bekräftelse.",
				Helped: 6,
			},
		},
		Likes:  3,
		Helped: 3,
	},
	{
		Community: "salj-norr",
		Author:    "linnea",
		Type:      "question",
		Lang:      "sv",
		Title:     "Frånluftsvärmepump i 70-talshus – byta eller komplettera?",
		Body: `Kund i Boden har en frånluftsvärmepump från 2006 som börjar krångla. Huset är ett typiskt 70-talshus på 130 m² med vattenburna element.

Alternativen jag ser:

1. Byta till ny frånluftsvärmepump
2. Byta till luft/vatten
3. Ny frånluft + en luft/vatten som komplement

Vad brukar ni rekommendera här uppe? Kunden vill ha lägsta driftkostnad men har också dålig ventilation i källaren.`,
		Tags:    []string{"värmepump", "frånluft", "rådgivning"},
		DaysAgo: 50,
		Answers: []answer{
			{
				Author: "johan",
				Body:   "Om ventilationen är ett problem skulle jag behålla frånluft – den löser ju ventilationen samtidigt. En modern frånluftspump med inverter är mycket bättre än den från 2006.",
				Helped: 4,
			},
			{
				Author: "oskar",
				Body:   "Alternativ 3 är ofta bäst på pappret men dyrast att installera. Be Sven eller Kalle titta på ventilationen först – är kanalerna i dåligt skick blir det en helt annan kalkyl.",
				Helped: 3,
			},
		},
		Likes:  2,
		Helped: 1,
	},

	// ───────────────────────── Säljcoacher ─────────────────────────
	{
		Community: "saljcoacher",
		Author:    "sara",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Medföljning: tre frågor innan jag säger något själv",
		Body: `När jag följt med en ny säljare på ett hembesök är det lätt att börja med "det här var bra, men…". Numera börjar jag alltid med tre frågor i bilen:

1. **"Vad tycker du gick bra?"**
2. **"Om du fick göra om ett enda ögonblick, vilket skulle det vara?"**
3. **"Vad tror du att kunden tänkte när ni skiljdes åt?"**

Nio gånger av tio säger de själva det jag hade tänkt ta upp. Då blir det *deras* insikt, och den fastnar mycket bättre.

Sedan lägger jag till **max en sak** från min sida. Fler än så kommer ingen ihåg.`,
		Tags:    []string{"coachning", "feedback", "medföljning"},
		DaysAgo: 57,
		Comments: []comment{
			{Author: "oskar", Body: "Fråga 3 är guld. Den får dem att tänka från kundens håll."},
		},
		Likes:  9,
		Helped: 6,
		Thanks: 3,
	},
	{
		Community: "saljcoacher",
		Author:    "oskar",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur coachar ni någon som pratar för mycket på hembesöket?",
		Body: `En av mina adepter kan produkterna utan och innan – och det är problemet. Kunden hinner knappt säga något innan hen har gått igenom COP-värden, ljudnivåer och kompressortyper.

Hen är trevlig och kunderna gillar hen, men affärerna stänger inte. Hur tar jag upp det utan att knäcka självförtroendet?`,
		Tags:    []string{"coachning", "hembesök", "feedback"},
		DaysAgo: 36,
		Answers: []answer{
			{
				Author: "sara",
				Body: `Jag hade exakt samma sak förra året. Det som funkade:

- Vi kom överens om en **regel: tre frågor innan första produktnamnet**.
- Jag räknade (öppet!) hur många minuter kunden pratade under besöket. Första gången var det 6 av 50. Det räckte för att hen skulle förstå själv.
- Jag ramade in det som en styrka: "Din kunskap är en tillgång – spara den tills kunden har berättat vad hen behöver."`,
				Accepted: true,
				Helped:   8,
			},
			{
				Author: "ahmed",
				Body:   "Låt hen vara den som bara lyssnar på ett besök där du leder. Efteråt får hen sammanfatta vad kunden egentligen ville. Brukar öppna ögonen.",
				Helped: 5,
				Comments: []comment{
					{Author: "erik", Body: "Bra – och byt sedan roller på nästa besök."},
				},
			},
		},
		Likes:  6,
		Helped: 5,
		Thanks: 2,
	},
	{
		Community: "saljcoacher",
		Author:    "erik",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Ska nya säljare få egna leads redan första månaden?",
		Body: `Vi har olika upplägg i olika team i dag:

- **Norr:** ny säljare följer med i 4 veckor, egna leads från vecka 5
- **Göteborg:** egna leads från vecka 2, med medföljning på de första fem
- **Stockholm:** blandat

Niklas började nyligen, och i höst kommer två till. Jag vill att vi har ett gemensamt upplägg. Vad har ni sett fungera bäst – och vad har gått fel?`,
		Tags:    []string{"onboarding", "coachning", "leads"},
		DaysAgo: 43,
		Answers: []answer{
			{
				Author: "johan",
				Body:   "Fyra veckor bara medföljning blir för långt. De blir passiva och tappar energi. Två veckor räcker om de sedan har en fast coach att ringa.",
				Helped: 4,
			},
			{
				Author: "sara",
				Body:   "Egna leads tidigt, men **enkla** leads: luft/luft och kunder som redan varit i kontakt med kundtjänst. Bergvärme och företag väntar till månad tre.",
				Helped: 7,
			},
			{
				Author: "oskar",
				Body:   "Håller med Sara. Och se till att de får en tidig vinst. Första affären gör mer för självförtroendet än allt vi säger.",
				Helped: 5,
			},
		},
		Likes:  7,
		Thanks: 1,
	},
	{
		Community: "saljcoacher",
		Author:    "ahmed",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Rollspel för invändningar – ett upplägg på 30 minuter",
		Body: `Det här kör jag med nya säljare varannan vecka. Det kräver ingen förberedelse och blir aldrig tråkigt.

1. **Dra lappar (5 min).** Jag har 15 invändningar på lappar i ett kuvert: "för dyrt", "grannen fick problem", "vi ska kanske flytta", "elpriset kanske sjunker" …
2. **Runda ett (10 min).** Adepten drar en lapp, jag spelar kund. Max två minuter per invändning.
3. **Paus och reflektion (5 min).** Vad funkade? Vilken mening skulle du vilja säga igen?
4. **Runda två (10 min).** Samma invändningar, men nu spelar jag en *svårare* kund.

Viktigt: **ingen publik.** Det är bara vi två. Rollspel framför hela teamet gör de flesta stela.`,
		Tags:    []string{"invändningar", "rollspel", "coachning"},
		DaysAgo: 68,
		Likes:   8,
		Helped:  7,
		Thanks:  3,
	},
	{
		Community: "saljcoacher",
		Author:    "johan",
		Type:      "question",
		Lang:      "sv",
		Title:     "Nyanställd utan affär efter tre veckor – hur håller jag uppe motivationen?",
		Body: `Min adept har gjort elva hembesök och inte stängt något ännu. Hen gör mycket rätt, men börjar bli tyst på morgonmötena och frågade i går om "det här kanske inte är något för mig".

Hur har ni hanterat det? Jag vill inte bara säga "det kommer".`,
		Tags:    []string{"coachning", "motivation", "onboarding"},
		DaysAgo: 10,
		Answers: []answer{
			{
				Author: "erik",
				Body: `Tre saker:

1. **Visa siffrorna.** En säljare stänger i snitt 1 av 4 hembesök första kvartalet. Elva utan affär är inte konstigt, det är statistik.
2. **Mät det hen kan påverka:** antal hembesök, offerter inom 24 h, uppföljningssamtal. Fira dem.
3. **Gå igenom de elva offerterna tillsammans.** Några är säkert varma och behöver bara ett samtal till.

Och säg gärna: "Jag var också där." Om det är sant 😊`,
				Accepted: true,
				Helped:   6,
				Comments: []comment{
					{Author: "johan", Body: "Genomgången gjorde vi i dag. Två kunder vill ha ett nytt möte!"},
				},
			},
			{
				Author: "sara",
				Body:   "Låt hen sitta med dig och ringa dina uppföljningar en förmiddag. Att höra en kund säga ja, även om det är din affär, gör mycket.",
				Helped: 4,
			},
		},
		Likes:  5,
		Helped: 4,
		Thanks: 2,
	},
	{
		Community: "saljcoacher",
		Author:    "sara",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Använd aktivitetsloggen i Kundportalen som coachningsunderlag",
		Body: `I stället för att fråga "hur har veckan gått?" öppnar jag adeptens **aktivitetslogg** i Kundportalen tillsammans med hen:

- Hur många samtal, hembesök och offerter?
- Hur lång tid mellan hembesök och skickad offert?
- Finns det offerter som aldrig följts upp?

Det blir konkret och sakligt, och ingen behöver känna sig granskad eftersom vi tittar på det tillsammans.

Filtrera på **Ägare = adepten** och **Skapad = senaste 7 dagarna** i vyn *Aktiviteter*. Spara vyn så tar det två sekunder nästa gång.`,
		Tags:    []string{"coachning", "kundportalen", "uppföljning"},
		DaysAgo: 84,
		Likes:   6,
		Helped:  5,
		Thanks:  1,
	},
	{
		Community: "saljcoacher",
		Author:    "oskar",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Fast coachningstid varannan fredag",
		Body: `Coachningen blir lätt det som stryks när kalendern är full. Förslag: **varannan fredag 8.00–9.00** är blockad för coachning i alla säljares kalendrar, både för coacher och adepter.

Det får inte bokas hembesök då, och Erik följer upp att det blir av.`,
		Tags:       []string{"coachning", "planering"},
		DaysAgo:    115,
		Likes:      6,
		Votes:      5,
		Status:     "done",
		StatusNote: "Infört från och med januari. Kalenderinbjudan är skickad till alla coacher och adepter. /Erik",
	},
	{
		Community: "saljcoacher",
		Author:    "ahmed",
		Type:      "question",
		Lang:      "sv",
		Title:     "Har någon en bra feedbackmall efter medföljning?",
		Body: `Jag skriver ner mina iakttagelser på papper under hembesöket, men det blir rörigt och jag glömmer saker till nästa gång.

Har någon en enkel mall, gärna digital, som man kan fylla i direkt efter besöket och spara till nästa coachningssamtal?`,
		Tags:    []string{"coachning", "feedback", "mallar"},
		DaysAgo: 17,
		Answers: []answer{
			{
				Author: "oskar",
				Body: `Jag använder ett Forms-formulär med fem fält:

1. Datum och kund (bara ort, inget namn)
2. **En sak som gick riktigt bra**
3. **En sak att träna på**
4. Hur stor del av tiden pratade kunden? (uppskattning i %)
5. Nästa steg för adepten

Svaren hamnar i ett Excel-ark per adept. Jag delar länken här i kanalen så kan ni kopiera formuläret.`,
				Helped: 5,
				Comments: []comment{
					{Author: "ahmed", Body: "Precis vad jag behövde, tack!"},
				},
			},
		},
		Likes:  4,
		Helped: 3,
		Thanks: 1,
	},

	// ───────────────────────── CRM-tips & genvägar ─────────────────────────
	{
		Community: "crm-tips",
		Author:    "tomas",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Ctrl+K – sluta klicka dig fram till kunden",
		Body: `Det snabbaste sättet att hitta en kund i Kundportalen är **Ctrl+K** (Cmd+K på Mac). Snabbsöket öppnas var du än är i systemet.

Du kan söka på:

- namn eller del av namn: *lindb umeå*
- telefonnummer, med eller utan mellanslag
- **kundnummer** (K-10234) eller **ordernummer** (O-55871)
- fastighetsbeteckning: *Umeå Ersboda 4:12*

Tryck **Enter** för att öppna första träffen, eller **Ctrl+Enter** för att öppna den i en ny flik.

Jag mätte på mig själv: det sparar ungefär 10 sekunder per sökning jämfört med menyn *Kunder → Sök*. Med 60 sökningar om dagen blir det 10 minuter.`,
		Tags:    []string{"kundportalen", "genvägar", "crm"},
		DaysAgo: 112,
		Comments: []comment{
			{Author: "viktor", Body: "Visste inte att fastighetsbeteckning funkade! Game changer för ROT-frågor."},
			{Author: "alva", Body: "Tack, det här hade jag behövt första dagen 😄"},
		},
		Likes:  20,
		Helped: 15,
		Thanks: 7,
	},
	{
		Community: "crm-tips",
		Author:    "elin",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Spara en vy: \"Mina offerter som går ut denna vecka\"",
		Body: `Den här vyn använder jag varje måndag. Så bygger du den:

1. Gå till **Offerter** i vänstermenyn.
2. Klicka på **Filter** och lägg till:
   - *Ägare* = **Jag**
   - *Status* = **Skickad**
   - *Giltig till* = **Denna vecka**
3. Lägg till kolumnerna *Kund*, *Belopp*, *Senast öppnad av kund* och *Nästa steg*.
4. Sortera på **Giltig till** (stigande).
5. Klicka **Spara vy som…** och döp den till något du förstår, t.ex. *Går ut denna vecka*.
6. Stjärnmärk vyn så hamnar den överst i listan.

Vill du dela vyn med teamet: **Dela → Team** i samma meny. Tänk på att filtret *Ägare = Jag* då gäller den som öppnar vyn.`,
		Tags:    []string{"kundportalen", "sparade-vyer", "offert"},
		DaysAgo: 97,
		Likes:   14,
		Helped:  12,
		Thanks:  4,
	},
	{
		Community: "crm-tips",
		Author:    "niklas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur slår jag ihop dubbletter av samma kund?",
		Body: `Jag har hittat samma kund tre gånger i Kundportalen: en gång med gammal adress, en gång med fruns namn och en gång skapad av kundtjänst när de ringde in.

Kan jag slå ihop dem själv, och vad händer med offerterna och ärendena som ligger på de olika korten?`,
		Tags:    []string{"kundportalen", "dubbletter", "datakvalitet"},
		DaysAgo: 16,
		Answers: []answer{
			{
				Author: "tomas",
				Body: `Ja, det kan du göra själv:

1. Markera de tre korten i listvyn (kryssrutorna till vänster).
2. Välj **Fler åtgärder → Slå ihop**.
3. Välj vilket kort som är **huvudpost** – ta det med aktuell adress och flest affärer.
4. För varje fält väljer du vilket värde som ska gälla.

Alla offerter, ärenden, aktiviteter och filer flyttas till huvudposten. De andra korten inaktiveras (de raderas inte).

**Men:** har kunden fakturor i Visma på mer än ett kundnummer, skicka ett mejl till mig först så vi inte får glapp i integrationen.`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "helena", Body: "Tack för den sista punkten! Vi har haft några påminnelser som gått till fel adress p.g.a. det."},
				},
			},
		},
		Likes:  6,
		Helped: 8,
		Thanks: 2,
	},
	{
		Community: "crm-tips",
		Author:    "lucas",
		Type:      "tip",
		Lang:      "en",
		Title:     "Fill in the property designation – it feeds the ROT request",
		Body: `Since the new Visma integration went live, the **Fastighetsbeteckning** field on the customer card (e.g. *Umeå Tegs 3:45*) is sent straight to the ROT/green deduction request we file with Skatteverket.

If it's empty or wrong:

- the invoice can't be sent automatically
- Ekonomi has to call the customer and fix it by hand
- the customer gets their invoice several days late

For **bostadsrätter** (apartments) use the association's org number and the apartment number instead – there's a toggle *Bostadsrätt* right above the field.

Sales: please fill it in when you create the deal, not when the installation is done. It takes 30 seconds with the customer on the phone.`,
		Tags:    []string{"kundportalen", "rot-avdrag", "visma", "integration"},
		DaysAgo: 45,
		Comments: []comment{
			{Author: "greta", Body: "Tack Lucas! Det här sparar oss på ekonomi flera timmar i veckan."},
		},
		Likes:  11,
		Helped: 9,
		Thanks: 4,
	},
	{
		Community: "crm-tips",
		Author:    "marco",
		Type:      "question",
		Lang:      "en",
		Title:     "Can I close a work order in the app without mobile coverage?",
		Body: `Often I'm in a basement boiler room with zero signal. When I try to close the work order in the Kundportalen app it just spins and then says *"Could not save"*.

Is there an offline mode? Right now I walk out to the van every time, which is annoying when it's −15 outside.`,
		Tags:    []string{"kundportalen", "mobil", "arbetsorder"},
		DaysAgo: 30,
		Answers: []answer{
			{
				Author: "tomas",
				Body: `Yes! Offline mode exists but it's off by default:

1. In the app, go to **Profile → Settings → Offline**.
2. Turn on **Download my work orders** and choose *Today and tomorrow*.
3. Open the app once with signal in the morning so it syncs.

Then you can fill in times, materials, photos and the customer signature offline. Everything syncs when you're back in coverage – you'll see a small cloud icon until it's done.`,
				Accepted: true,
				Helped:   8,
				Comments: []comment{
					{Author: "marco", Body: "Works perfectly, thank you! My toes thank you too."},
				},
			},
			{
				Author: "mikael",
				Body:   "If it still fails, check that the app has permission to run in the background (Settings → Apps → Kundportalen). Some phones kill the sync otherwise.",
				Helped: 4,
			},
		},
		Likes:  7,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "crm-tips",
		Author:    "maja",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Massuppdatera ägare på leads när någon slutar eller går på föräldraledighet",
		Body: `Att öppna 80 leads ett och ett för att byta ägare tar en hel förmiddag. Så här gör du på två minuter:

1. Öppna vyn **Alla öppna leads**.
2. Filtrera på **Ägare = [personen som slutar]**.
3. Markera alla med kryssrutan högst upp i listan.
4. Välj **Redigera markerade** (eller **Alt+E**).
5. Ändra bara fältet *Ägare* och klicka **Uppdatera**.

Vill du fördela på flera personer: sortera på *Postort* först och markera en grupp i taget.

**Tänk på:** öppna aktiviteter (samtal, möten) följer inte med automatiskt. Kryssa i *Flytta även öppna aktiviteter* i dialogen, annars ligger påminnelserna kvar hos någon som inte är här.`,
		Tags:    []string{"kundportalen", "massuppdatering", "leads"},
		DaysAgo: 72,
		Likes:   9,
		Helped:  10,
		Thanks:  3,
	},
	{
		Community: "crm-tips",
		Author:    "fredrik",
		Type:      "question",
		Lang:      "sv",
		Title:     "Varför syns inte fakturastatus från Visma i kundkortet?",
		Body: `När kunder ringer om fakturor vill jag kunna se om de har betalat direkt i Kundportalen. På vissa kunder syns fliken *Fakturor* med status, på andra är den tom – trots att jag vet att det finns fakturor.

Är det ett fel, eller måste man göra något för att det ska synas?`,
		Tags:    []string{"kundportalen", "visma", "faktura", "integration"},
		DaysAgo: 22,
		Answers: []answer{
			{
				Author: "lucas",
				Body: `Good question – it's not a bug, but it's confusing. The invoice tab only shows invoices where the **customer number in Visma matches the one in Kundportalen**.

When it's empty it's usually one of these:

- The customer was created in Visma first (older customers, before 2021).
- The customer card is a duplicate and invoices sit on the other card.

If you send me the customer number I can re-link it. We're also running a clean-up job for the old customers this spring.`,
				Accepted: true,
				Helped:   7,
			},
			{
				Author: "tomas",
				Body:   "Tillägg: det tar upp till 15 minuter innan en ny betalning syns, integrationen kör en gång per kvart. Och bankens egen fördröjning kommer ovanpå det.",
				Helped: 5,
				Comments: []comment{
					{Author: "fredrik", Body: "Det förklarar varför kunden \"nyss betalat\" och det inte syntes. Tack båda!"},
				},
			},
		},
		Likes:  4,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "crm-tips",
		Author:    "nora",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Ärendeanteckningar som kollegan förstår utan att ringa dig",
		Body: `Den bästa anteckningen är den som gör att kollegan kan ta över ärendet utan att fråga något. I kundtjänst har vi kommit överens om formatet **KÖN**:

- **K – Kunden säger:** vad kunden vill eller upplever, med kundens egna ord.
- **Ö – Överenskommet:** vad vi lovat, och till när.
- **N – Nästa steg:** vem gör vad härnäst.

Exempel:

> **K:** Pumpen larmar "Lågt flöde" sedan i går, huset är 17 grader.
> **Ö:** Tekniker bokad tors 8–12. Kunden kör elpatronen tills dess.
> **N:** Jenny bekräftar tiden på sms i morgon. Ring upp kunden om den inte går att hålla.

Undvik förkortningar som bara du förstår, och skriv aldrig "se tidigare" – kollegan har inte tid att leta.`,
		Tags:    []string{"kundportalen", "ärenden", "kundbemötande"},
		DaysAgo: 82,
		Likes:   17,
		Helped:  11,
		Thanks:  5,
	},
	{
		Community: "crm-tips",
		Author:    "priya",
		Type:      "discussion",
		Lang:      "en",
		Title:     "Outlook add-in for Kundportalen – worth rolling out to everyone?",
		Body: `We've had 12 people piloting the **Kundportalen add-in for Outlook** for two months. It lets you save an email to the right customer or deal with one click, and see customer info next to the email.

Before we roll it out to all 600 of us, I'd like to hear from the pilot group and others:

- Did it actually save you time?
- Did anything break or slow down Outlook?
- Would you miss it if we removed it?

We'll decide at the IT steering group at the end of the month.`,
		Tags:    []string{"kundportalen", "outlook", "m365"},
		DaysAgo: 39,
		Answers: []answer{
			{
				Author: "elin",
				Body:   "Ja, absolut! Jag slipper kopiera in mejl i anteckningar. Det enda är att den ibland föreslår fel kund när två kunder har samma efternamn.",
				Helped: 4,
			},
			{
				Author: "ahmed",
				Body:   "For key accounts it's great – I can see all open deals for the housing company while I'm answering the property manager. Outlook on the web is a bit slower though.",
				Helped: 3,
			},
			{
				Author: "sara",
				Body:   "Jag skulle sakna den. Men gör en kort film om hur man väljer rätt affär, annars hamnar allt bara på kunden.",
				Helped: 2,
				Comments: []comment{
					{Author: "priya", Body: "Good idea, Sara. Tomas, could you record a 3-minute guide?"},
					{Author: "tomas", Body: "Fixar det nästa vecka!"},
				},
			},
		},
		Likes:  6,
		Thanks: 1,
	},
	{
		Community: "crm-tips",
		Author:    "viktor",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Kortkommandon i Kundportalen som jag använder varje dag",
		Body: `Jag har satt ihop de genvägar jag faktiskt använder. Skriv ut och sätt på skärmkanten!

| Kortkommando | Vad det gör |
|---|---|
| **Ctrl+K** | Snabbsök kund, order eller ärende |
| **Alt+N** | Ny aktivitet på posten du har öppen |
| **Alt+T** | Ny anteckning |
| **Ctrl+S** | Spara |
| **Ctrl+Shift+S** | Spara och stäng |
| **Alt+E** | Redigera markerade i listvy |
| **Esc** | Stäng sidopanelen |
| **?** | Visa alla kortkommandon |

Favoriten är **Alt+N** direkt efter ett samtal – aktiviteten får rätt kund, rätt datum och mig som ägare automatiskt. Skriv två rader och **Ctrl+S**, klart innan nästa samtal kommer in.`,
		Tags:    []string{"genvägar", "kundportalen", "effektivitet"},
		DaysAgo: 63,
		Likes:   18,
		Helped:  14,
		Thanks:  6,
	},
	{
		Community: "crm-tips",
		Author:    "ahmed",
		Type:      "question",
		Lang:      "sv",
		Title:     "Går det att visa koncernhierarki för fastighetsbolag?",
		Body: `Ett av mina största kundkonton är ett fastighetsbolag med sex dotterbolag och över 40 fastigheter. Varje dotterbolag är en egen kund i Kundportalen.

Kan man koppla ihop dem så att jag ser alla affärer och kontakter samlat under moderbolaget? Inför kvartalsmötet med dem vill jag kunna visa allt vi gjort.`,
		Tags:    []string{"kundportalen", "företag", "key-account"},
		DaysAgo: 54,
		Answers: []answer{
			{
				Author: "tomas",
				Body: `Ja! Fältet heter **Överordnad kund** och finns under fliken *Detaljer* på företagskortet.

1. Öppna varje dotterbolag och sätt moderbolaget som överordnad kund.
2. På moderbolaget dyker fliken **Koncern** upp, med alla dotterbolag, affärer och kontakter.
3. I vyer kan du filtrera på *Koncern = [moderbolaget]*.

Fakturering påverkas inte – varje dotterbolag behåller sitt eget organisationsnummer i Visma.`,
				Helped: 6,
			},
		},
		Likes:  3,
		Helped: 4,
		Thanks: 1,
	},
	{
		Community: "crm-tips",
		Author:    "jenny",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Visa bokad tekniker och tid direkt i kundkortet",
		Body: `När kunder ringer och frågar "när kommer teknikern?" måste kundtjänst i dag gå in i serviceplaneringen, söka upp arbetsordern och läsa i kalendern.

Förslag: en ruta högst upp på kundkortet med **nästa bokade besök**: datum, tidsfönster och teknikerns förnamn. Kanske till och med en länk till kartan när teknikern är på väg?

Det skulle spara mycket tid för både kundtjänst och oss planerare.`,
		Tags:       []string{"kundportalen", "serviceplanering", "kundbemötande"},
		DaysAgo:    49,
		Likes:      13,
		Votes:      18,
		Status:     "under_review",
		StatusNote: "Vi undersöker om serviceplaneringen kan skicka bokningarna till kundkortet via API. Kartfunktionen tar vi inte med i första steget.",
		Comments: []comment{
			{Author: "hanna", Body: "Ja, ja, ja! Det här är säkert 30 samtal om dagen för oss."},
		},
	},
	{
		Community: "crm-tips",
		Author:    "liam",
		Type:      "question",
		Lang:      "en",
		Title:     "Is it OK to write personal identity numbers in the notes field?",
		Body: `During a security review I searched the notes in Kundportalen and found a few hundred notes containing what looks like **personnummer** – typically "kund har pnr 19xxxxxx-xxxx" for ROT purposes.

Before I ask people to stop: is there a business reason for this that I'm missing? Where *should* it be stored?`,
		Tags:    []string{"gdpr", "säkerhet", "kundportalen", "rot-avdrag"},
		DaysAgo: 24,
		Answers: []answer{
			{
				Author: "tomas",
				Body: `No good reason – it's an old habit from before we had a proper field. Personnummer for ROT should go in the **Fastighetsägare** section on the deal. That field is:

- only visible to sales, Ekonomi and team leads
- masked in lists and exports
- deleted automatically 10 years after the last invoice

Notes are searchable by everyone and never deleted. Let's clean up the old ones and add a warning when someone types a 12-digit number in a note.`,
				Accepted: true,
				Helped:   7,
				Comments: []comment{
					{Author: "helena", Body: "Håller med. Vi på ekonomi behöver aldrig personnumret i anteckningarna."},
					{Author: "liam", Body: "Great, I'll write up the clean-up plan with Tomas."},
				},
			},
		},
		Likes:  9,
		Helped: 3,
		Thanks: 2,
	},
	{
		Community: "crm-tips",
		Author:    "lucas",
		Type:      "how_to",
		Lang:      "en",
		Title:     "Exporting a view to Excel without breaking å, ä and ö",
		Body: `If you export a view as CSV and open it by double-clicking, Excel often shows *GÃ¶teborg* instead of *Göteborg*. Here's the fix:

1. In Kundportalen, choose **Export → Excel (.xlsx)** instead of CSV whenever you can. Problem solved.
2. If you need CSV (some integrations do), **don't double-click** the file. Open a blank workbook instead.
3. Go to **Data → From Text/CSV** and pick the file.
4. Under *File origin*, choose ` + "`65001: Unicode (UTF-8)`" + `.
5. Check the preview – å, ä, ö should look right. Click **Load**.

Also: phone numbers starting with 0 lose the zero in Excel. In step 4, click **Transform Data** and set the phone column type to **Text**.`,
		Tags:    []string{"excel", "export", "kundportalen"},
		DaysAgo: 66,
		Likes:   10,
		Helped:  12,
		Thanks:  4,
	},
	{
		Community: "crm-tips",
		Author:    "sara",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kan man få en notis när kunden öppnar offerten?",
		Body: `Kolumnen *Senast öppnad av kund* är guld, men jag kommer ihåg att kolla den först när jag går igenom mina offerter på måndagar.

Går det att få en notis i Teams eller på mejl när en kund öppnar en offert? Det bästa samtalet är ju det som kommer medan kunden fortfarande tänker på oss.`,
		Tags:    []string{"kundportalen", "offert", "notiser"},
		DaysAgo: 0,
		Likes:   5,
	},
	{
		Community: "crm-tips",
		Author:    "elin",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Färdig offertmall för paketet solceller + batteri",
		Body: `I dag bygger alla säljare sina egna offerter för solceller med batteri genom att slå ihop två mallar. Resultatet:

- olika rader för samma arbete
- grönt avdrag som räknas fel när batteriet hamnar på solcellsraden
- offerter som ser olika ut beroende på vem som skrivit dem

Förslag: en **gemensam mall** med rätt uppdelning av arbete, material och avdragstyp, och färdiga textblock om garanti och nätanslutning.`,
		Tags:       []string{"offert", "mallar", "solceller", "grönt-avdrag"},
		DaysAgo:    93,
		Likes:      10,
		Votes:      16,
		Status:     "done",
		StatusNote: "Mallen \"Solceller + batteri villa\" finns nu i Kundportalen. Greta på ekonomi har granskat avdragsraderna.",
		Comments: []comment{
			{Author: "david", Body: "Använt den på fyra offerter redan – mycket snyggare resultat."},
		},
	},
	{
		Community: "crm-tips",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Snabbaste sättet att se tidigare samtal med kunden?",
		Body: `När en kund ringer och säger "jag pratade med någon av er förra veckan" letar jag mig igenom flikarna på kundkortet och hittar inte alltid rätt.

Var ser man alla tidigare kontakter i en lista? Det blir lite pinsamt när kunden får vänta medan jag klickar runt.`,
		Tags:    []string{"kundportalen", "onboarding", "kundbemötande"},
		DaysAgo: 7,
		Answers: []answer{
			{
				Author:   "viktor",
				Body:     "Fliken **Tidslinje** på kundkortet! Där ligger samtal, mejl, chattar, ärenden och besök i datumordning. Klicka på tratten och välj *Bara kontakter* så försvinner systemhändelserna.",
				Accepted: true,
				Helped:   6,
			},
			{
				Author: "hanna",
				Body:   "Och säg gärna till kunden: \"Jag ser att du pratade med oss i tisdags om …\". Kunder blir så glada när de slipper berätta allt igen.",
				Helped: 4,
				Comments: []comment{
					{Author: "alva", Body: "Tidslinjen! Hur har jag missat den. Tack båda 🙏"},
				},
			},
		},
		Likes:  4,
		Helped: 5,
		Thanks: 2,
	},
	{
		Community: "crm-tips",
		Author:    "marco",
		Type:      "tip",
		Lang:      "en",
		Title:     "Take photos straight from the work order – not from the camera app",
		Body: `I used to take photos with the normal camera and upload them at the end of the day. Half of them ended up on the wrong work order.

Better way:

- Open the work order in the Kundportalen app.
- Tap **Photos → Take photo**. The photo is saved to that order only, with time and GPS.
- Add a one-word label: *before*, *after*, *serial*, *damage*.

Always take a photo of the **serial number plate** on the unit. Customer service needs it for warranty cases, and it saves a phone call to you three years later.

Bonus: photos taken this way are **not** saved in your phone's gallery, so customer homes don't end up in your private photo backup.`,
		Tags:    []string{"kundportalen", "mobil", "service", "gdpr"},
		DaysAgo: 34,
		Likes:   8,
		Helped:  6,
		Thanks:  2,
	},
	{
		Community: "crm-tips",
		Author:    "lucas",
		Type:      "question",
		Lang:      "en",
		Title:     "Anyone else stuck on \"Sync pending\" in the mobile app since 4.12?",
		Body: `Since the app update to 4.12 on Tuesday, two of my test devices stay on **"Sync pending"** forever after editing a work order offline. Restarting the app doesn't help; logging out does, but then the offline changes are lost.

Has anyone in the field seen this on a real work phone? I'd like to know if it's just my test setup before I open a case with the vendor.`,
		Tags:    []string{"kundportalen", "mobil", "bugg"},
		DaysAgo: 2,
		Likes:   1,
	},
	{
		Community: "crm-tips",
		Author:    "priya",
		Type:      "idea",
		Lang:      "en",
		Title:     "Remove the old \"_gammal\" fields from customer cards",
		Body: `Customer cards still have 14 fields from the 2019 migration: *Telefon_gammal*, *Säljare_gammal*, *Kundtyp_gammal* and so on. Nobody should be using them, but:

- they show up in search results and confuse people
- some old saved views still filter on them
- they make every export wider than it needs to be

Proposal: we check usage, move anything valuable into the right fields, and then hide and later delete them.`,
		Tags:       []string{"kundportalen", "datakvalitet"},
		DaysAgo:    20,
		Likes:      5,
		Votes:      9,
		Status:     "planned",
		StatusNote: "Planerat till sommaren när det är lugnare i sälj. Sparade vyer som använder fälten kommer att flaggas i förväg.",
	},
	{
		Community: "crm-tips",
		Author:    "liam",
		Type:      "best_practice",
		Lang:      "en",
		Title:     "Trade fair tablets: log out of Kundportalen between shifts",
		Body: `At fairs like Bomässan on Nolia we register leads on shared tablets. Last year one tablet stayed logged in as the same seller for three days – so every lead got the wrong owner, and anyone walking past the stand could open the customer list.

Please do this at every fair:

1. Log in with **your own account** at the start of your shift.
2. Use the **Lead form** view only – it shows nothing but the form.
3. **Log out** (profile picture → *Sign out*) when your shift ends. Don't just close the browser.
4. Never leave the tablet unlocked on the counter during breaks.

The fair tablets now lock after **2 minutes**, and they are wiped every Monday. If you need a tablet for a fair, book it with Ida in IT Support a week in advance.`,
		Tags:    []string{"säkerhet", "kundportalen", "leads", "mässa"},
		DaysAgo: 12,
		Comments: []comment{
			{Author: "maja", Body: "Tack! Det var jag som fick städa upp ägarna efter förra mässan 😅"},
		},
		Likes:  7,
		Helped: 4,
		Thanks: 2,
	},

	// ───────────────────────── Kundtjänst ─────────────────────────
	{
		Community: "kundtjanst",
		Author:    "emma",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Samtalsstöd: \"Värmepumpen låter konstigt\"",
		Body: `Ett av våra vanligaste samtal. Följ de här stegen innan du bokar tekniker – ungefär hälften löser sig i telefon.

1. **Var låter det?** Utedelen, innedelen eller rören?
2. **Hur låter det?** Be kunden beskriva: brummar, klickar, gnisslar, väser. Be gärna kunden hålla upp telefonen mot ljudet.
3. **När?** Hela tiden, vid start, eller bara när det är riktigt kallt?
4. **Is på utedelen?** Vid kyla är det normalt att pumpen *avfrostar* – då kan det pysa och ånga i några minuter. Helt normalt!
5. **Larm i displayen?** Be kunden läsa upp texten exakt.

**Boka tekniker direkt** om: det luktar bränt, det kommer vatten inomhus, pumpen har stannat och huset blir kallt, eller ljudet är metalliskt och konstant.

Skriv alltid i ärendet vad kunden beskrev – teknikern vill veta.`,
		Tags:    []string{"samtalsmanus", "värmepump", "felsökning"},
		DaysAgo: 100,
		Likes:   16,
		Helped:  13,
		Thanks:  5,
	},
	{
		Community: "kundtjanst",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kunden är arg och kräver att få prata med chefen – vad gör jag?",
		Body: `Hade mitt första riktigt jobbiga samtal i dag. Kunden hade väntat på tekniker i fyra dagar, skrek i telefonen och sa att han bara ville prata med "någon som bestämmer".

Jag sa att jag skulle be min chef ringa upp, men jag vet inte om det var rätt. Hur gör ni?`,
		Tags:    []string{"kundbemötande", "eskalering", "onboarding"},
		DaysAgo: 13,
		Answers: []answer{
			{
				Author: "nora",
				Body: `Du gjorde inget fel, Alva, och bra att du frågar. Så här gör vi:

1. **Låt kunden prata klart.** Avbryt inte, även om det är orättvist riktat mot dig.
2. **Bekräfta:** "Jag förstår att det är jobbigt att vänta utan värme. Det skulle jag också vara arg över."
3. **Erbjud det du kan göra nu:** kolla närmaste tid, be planeringen om akuttid.
4. Vill kunden fortfarande prata med en chef: **lova en tid**, t.ex. "Nora ringer dig före 15 i dag". Säg aldrig bara "någon ringer".

Skicka sedan ett Teams-meddelande till mig med ärendenumret. Och ta en kort paus efter ett sådant samtal, det är tillåtet.`,
				Accepted: true,
				Helped:   11,
				Comments: []comment{
					{Author: "alva", Body: "Tack Nora ❤️ Skönt att höra att man får ta en paus."},
				},
			},
			{
				Author: "hanna",
				Body:   "Ett tips till: säg ditt namn igen mitt i samtalet. \"Jag heter Alva och jag ska hjälpa dig med det här.\" Det gör något med tonen när kunden pratar med en person i stället för \"kundtjänst\".",
				Helped: 7,
			},
		},
		Likes:  9,
		Helped: 7,
		Thanks: 3,
	},
	{
		Community: "kundtjanst",
		Author:    "lisa",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "Första felsökningen när kunden har larm i displayen",
		Body: `Så här gör jag när kunden ringer om ett larm på en luft/vatten- eller bergvärmepump:

1. **Be kunden läsa upp larmtexten ordagrant** – inte "den säger något om tryck".
2. **Sök larmet i Kundportalen:** Ctrl+K, skriv pumpmodellen, fliken *Dokument* → felsökningsguiden.
3. **Kolla om det är ett infolarm eller ett stopp.** Infolarm (t.ex. filterpåminnelse) kan kunden kvittera själv.
4. **Be kunden kvittera larmet** och vänta 10 minuter. Många larm kommer efter ett kort strömavbrott och försvinner.
5. **Kommer larmet tillbaka?** Fråga om huset håller värmen och om det finns varmvatten.
6. **Boka tekniker** med larmtext, modell och vad ni provat i ärendet. Prio *Akut* om huset blir kallt och det är under −10 ute.

Lova aldrig att "det är inget farligt" – säg hellre "det här brukar lösa sig, men hör av dig direkt om det kommer tillbaka".`,
		Tags:    []string{"felsökning", "värmepump", "larm"},
		DaysAgo: 74,
		Likes:   12,
		Helped:  14,
		Thanks:  4,
	},
	{
		Community: "kundtjanst",
		Author:    "viktor",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Snabbtext i chatten: skriv /rot, /leverans eller /garanti",
		Body: `Vi har nu **snabbtexter** i chattverktyget. Skriv ett snedstreck och ett kortord, tryck **Tab**, så fylls texten i:

- **/rot** – hur ROT-avdraget fungerar och att det dras direkt på fakturan
- **/leverans** – aktuella leveranstider per produkt (uppdateras varje måndag)
- **/garanti** – garantitider för pumpar, installation och solceller
- **/avfrost** – varför det ångar från utedelen på vintern 😄
- **/tack** – avslutningsfras med länk till kundenkäten

Texterna är en **startpunkt** – läs igenom och anpassa till kunden innan du skickar. Ingen vill få ett svar som uppenbart är kopierat.

Saknar du en snabbtext? Skriv i tråden så lägger Emma till den.`,
		Tags:    []string{"chatt", "genvägar", "mallar"},
		DaysAgo: 55,
		Comments: []comment{
			{Author: "emma", Body: "Lägger till /faktura och /kreditering nästa vecka, de efterfrågades mest."},
		},
		Likes:  14,
		Helped: 9,
		Thanks: 3,
	},
	{
		Community: "kundtjanst",
		Author:    "jonas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Elnätsbolaget har inte bytt mätare – vad säger vi till solcellskunden?",
		Body: `Kund i Mölnlycke har haft färdiga solceller i tre veckor men får inte slå på anläggningen eftersom elnätsbolaget inte bytt till en mätare som klarar produktion. Kunden är irriterad och tycker att vi borde ha fixat det.

Vad är egentligen vårt ansvar här, och kan vi göra något för att skynda på?`,
		Tags:    []string{"solceller", "nätanslutning", "kundbemötande"},
		DaysAgo: 28,
		Answers: []answer{
			{
				Author: "hanna",
				Body: `Vårt ansvar är att skicka **föranmälan och färdiganmälan** till elnätsbolaget – det har vi gjort (kolla att datumen står i ärendet). Mätarbytet är elnätsbolagets jobb och de har egna ledtider, ofta 2–6 veckor.

Vad vi kan göra:

- Ringa elnätsbolagets installatörssupport och fråga om status. Vi har ett installatörsnummer som går snabbare än kundens.
- Förklara för kunden att **anläggningen inte får kopplas in** innan mätaren är bytt, annars kan de få en felaktig räkning.
- Erbjuda att vi hör av oss när vi vet mer, så kunden slipper jaga.

Skriv in elnätsbolagets svar i ärendet så att nästa kollega ser det.`,
				Helped: 8,
			},
			{
				Author: "lisa",
				Body:   "Det hjälper att säga att det gäller alla installatörer, inte bara oss. Många kunder tror att vi har glömt något.",
				Helped: 3,
			},
		},
		Likes:  5,
		Helped: 5,
		Thanks: 2,
	},
	{
		Community: "kundtjanst",
		Author:    "nora",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Ska chatten ha öppet till 20 under vintern?",
		Body: `Förra januari kom **35 % av alla chattar** in efter 17, när vi har stängt. Många var kunder med kallt hus som inte visste om de skulle vänta eller ringa jouren.

Jag funderar på att ha öppet i chatten till 20 måndag–torsdag under december–februari. Det skulle betyda ett kvällspass per person varannan vecka, med kompledigt på fredag eftermiddag.

Vad tycker ni? Finns det andra sätt att lösa det – t.ex. bättre självhjälpstexter på webben?`,
		Tags:    []string{"chatt", "öppettider", "schema"},
		DaysAgo: 109,
		Answers: []answer{
			{
				Author: "amina",
				Body:   "Jag tar gärna kvällspass om jag får fredagen. Men det skulle hjälpa mycket om chatten efter 17 bara hänvisar till jourtelefonen vid akuta fel.",
				Helped: 4,
			},
			{
				Author: "emma",
				Body:   "Jag tittade på chattarna från i fjol. Ungefär hälften hade gått att lösa med en bra text om avfrostning och larmkvittering. Kan vi börja där och se om volymen minskar?",
				Helped: 6,
				Comments: []comment{
					{Author: "nora", Body: "Bra poäng. Vi gör båda: självhjälpstexter nu och kvällsöppet på prov i januari."},
				},
			},
			{
				Author: "fredrik",
				Body:   "Kvällspass är okej för mig, men inte samma vecka som jag har jour för fakturamejlen. Kan vi lägga in det i samma schema så det syns?",
				Helped: 1,
			},
		},
		Likes:  6,
		Thanks: 1,
	},
	{
		Community: "kundtjanst",
		Author:    "amina",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Erbjud uppringning när telefonkön är längre än 10 minuter",
		Body: `Under köldknäppar är vi ofta uppe i 25–30 minuters kö. Kunderna blir (förståeligt nog) arga innan vi ens svarat, och samtalen blir längre.

Förslag: när beräknad kötid är **över 10 minuter** erbjuder växeln kunden att trycka 1 för att bli **uppringd** när det är deras tur, utan att tappa platsen i kön.

De flesta växelsystem har funktionen. Kunden slipper sitta med telefonen i handen och vi får lugnare samtal.`,
		Tags:       []string{"telefoni", "kö", "kundupplevelse"},
		DaysAgo:    86,
		Likes:      15,
		Votes:      28,
		Status:     "in_progress",
		StatusNote: "IT har aktiverat funktionen i testmiljön. Vi går live efter utbildning av kundtjänst i slutet av månaden.",
		Comments: []comment{
			{Author: "hanna", Body: "Äntligen! Bästa idén i år."},
			{Author: "viktor", Body: "Kan vi få se i statistiken hur många som väljer uppringning?"},
		},
	},
	{
		Community: "kundtjanst",
		Author:    "fredrik",
		Type:      "question",
		Lang:      "sv",
		Title:     "Reklamation på en installation från 2019 – hur registrerar jag den?",
		Body: `Kund ringer om läckage vid rördragningen till en bergvärmepump som vi installerade 2019. Produktgarantin har gått ut, men kunden menar att det är ett installationsfel.

Ska jag registrera det som reklamation eller som vanligt serviceärende? Och vem bedömer om det är vårt fel?`,
		Tags:    []string{"reklamation", "garanti", "ärenden"},
		DaysAgo: 37,
		Answers: []answer{
			{
				Author: "hanna",
				Body: `Registrera det som **Reklamation** i Kundportalen, även om du är osäker. Då hamnar det hos rätt person och vi följer tidsgränserna.

- Enligt konsumenttjänstlagen kan kunden reklamera fel i arbete på en fastighet i upp till **tio år**, så 2019 är inom ramen. Kunden ska dock reklamera inom skälig tid efter att felet upptäcktes.
- **Teknikern** som gör besöket bedömer orsaken och fotograferar.
- **Mats** beslutar om det blir kostnadsfritt, delvis eller debiteras.

Lova inte kunden att det är gratis, men säg att vi tar det på allvar och återkommer efter besöket.`,
				Accepted: true,
				Helped:   9,
				Comments: []comment{
					{Author: "fredrik", Body: "Tydligt, tack! Registrerat och bokat Kalle på torsdag."},
				},
			},
		},
		Likes:  4,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "kundtjanst",
		Author:    "hanna",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Säg \"Jag ser till att…\" i stället för \"Jag ska försöka…\"",
		Body: `Ett litet språkbyte som gör stor skillnad för hur kunden uppfattar oss:

| I stället för … | Säg … |
|---|---|
| "Jag ska försöka få tag på någon." | "Jag ser till att en tekniker ringer dig före 14." |
| "Det är inte min avdelning." | "Det här tar ekonomi hand om – jag kopplar dig och berättar vad det gäller." |
| "Tyvärr kan vi inte…" | "Det vi kan göra är…" |
| "Du måste…" | "Det enklaste är att du…" |

Det handlar inte om att lova mer än vi kan. Det handlar om att **lova något konkret** – och sedan hålla det.`,
		Tags:    []string{"kundbemötande", "språk", "samtalsmanus"},
		DaysAgo: 119,
		Likes:   19,
		Helped:  10,
		Thanks:  6,
	},
	{
		Community: "kundtjanst",
		Author:    "amina",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vad ingår egentligen i serviceavtalen Bas och Trygg?",
		Body: `Kunder frågar ofta vad skillnaden är mellan Bas och Trygg, och jag svarar lite olika beroende på vad jag minns. Finns det en tydlig sammanställning?

Särskilt: ingår reservdelar i Trygg? Och ingår resekostnad i glesbygd? Kunder i inlandet brukar fråga om det.`,
		Tags:    []string{"serviceavtal", "värmepump", "kundbemötande"},
		DaysAgo: 60,
		Answers: []answer{
			{
				Author: "nora",
				Body: `Här är sammanställningen som gäller från i år:

| | Bas | Trygg |
|---|---|---|
| Årlig service | ✔ | ✔ |
| Prioriterad felanmälan | – | ✔ (inom 24 h vardagar) |
| Arbetskostnad vid fel | – | ✔ |
| Reservdelar | – | ✔ upp till 5 000 kr/år |
| Resekostnad | Ingår inom 5 mil | Ingår alltid |

Bas kostar 1 490 kr/år och Trygg 3 290 kr/år. Hela villkoren finns på kundkortet under *Avtal*.`,
				Helped: 10,
			},
		},
		Likes:  7,
		Helped: 8,
		Thanks: 3,
	},
	{
		Community: "kundtjanst",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Vad lovar vi för inställelsetid när huset är kallt i januari?",
		Body:      `Om en kund ringer en fredag eftermiddag i januari och pumpen har stannat – vad får jag lova? Jag vill inte säga "måndag" om vi kan komma tidigare, men jag vill inte heller lova något som inte håller. Spelar det roll om kunden har serviceavtal?`,
		Tags:      []string{"jour", "service", "kundbemötande"},
		DaysAgo:   4,
		Answers: []answer{
			{
				Author: "nora",
				Body: `Huvudregeln:

- **Trygg-kunder:** tekniker inom 24 timmar, även helg om huset är kallt.
- **Övriga:** vi gör vårt bästa, men lova **aldrig** helg. Säg "jourteknikern prioriterar kalla hus, jag lägger dig på listan och du får ett sms när vi vet tiden".

Påminn alltid kunden om att slå på **elpatronen/reservvärmen** (nödläge) så att huset inte fryser under tiden. Det löser de flesta akuta lägen.`,
				Helped: 6,
			},
			{
				Author: "jonas",
				Body:   "Kolla också jourlistan i Teams-kanalen Service–Jour innan du svarar, ibland är det bara en tekniker i tjänst för hela Norrland.",
				Helped: 3,
			},
		},
		Likes:  3,
		Helped: 3,
	},
	{
		Community: "kundtjanst",
		Author:    "lisa",
		Type:      "question",
		Lang:      "sv",
		Title:     "myUplink tappar pumpen efter routerbyte – måste kunden registrera om?",
		Body: `Tredje kunden den här veckan som bytt router (fiberbolaget har skickat ut nya) och nu är pumpen "offline" i myUplink-appen.

Räcker det att koppla pumpen till det nya wifi-nätverket i displayen, eller måste kunden ta bort och lägga till pumpen i appen igen? Jag vill inte att de tappar historiken.`,
		Tags:    []string{"app", "värmepump", "felsökning"},
		DaysAgo: 1,
		Likes:   2,
	},
	{
		Community: "kundtjanst",
		Author:    "emma",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Veckans samtal – vi lyssnar på ett bra samtal varje fredag",
		Body: `Vi pratar mest om samtalen som gått dåligt. Låt oss lära oss av dem som gick bra också!

Förslag: **varje fredag 9.30, 15 minuter** lyssnar vi tillsammans på ett inspelat samtal (med kundens samtycke enligt inspelningsinformationen) som någon i teamet tyckte gick riktigt bra. Den som tog samtalet berättar vad hen tänkte.

Vem som helst får nominera – även sina egna samtal.`,
		Tags:       []string{"kvalitet", "lärande", "kundbemötande"},
		DaysAgo:    91,
		Likes:      11,
		Votes:      12,
		Status:     "done",
		StatusNote: "Vi har kört Veckans samtal sedan februari. Inbjudan ligger i teamkalendern – nominera i kanalen Kundtjänst–Kvalitet.",
	},

	// ───────────────────────── Fakturafrågor från kunder ─────────────────────────
	{
		Community: "fakturafragor",
		Author:    "greta",
		Type:      "how_to",
		Lang:      "sv",
		Title:     "När Skatteverket avslår ROT-begäran – så gör vi",
		Body: `Några gånger i månaden får vi helt eller delvis avslag på en ROT-begäran. Vanligaste orsakerna: kunden har redan använt sitt utrymme för året, fel ägare på fakturan, eller att kunden inte står som ägare till fastigheten.

Så hanterar vi det:

1. **Ekonomi** ser avslaget i Skatteverkets e-tjänst och lägger en kommentar på fakturan i Visma.
2. **Greta eller Helena** ringer kunden samma vecka och förklarar – *innan* det kommer en ny faktura.
3. Vi skickar en **tilläggsfaktura** på det belopp som inte beviljades, med 30 dagars betalningstid.
4. Ärendet noteras på kundkortet i Kundportalen med taggen *ROT-avslag*.

**Till kundtjänst:** om kunden ringer om en oväntad tilläggsfaktura, kolla efter taggen och förklara att det är Skatteverket som beslutat, inte vi. Kunden kan själv se sitt utrymme på skatteverket.se.`,
		Tags:    []string{"rot-avdrag", "faktura", "skatteverket"},
		DaysAgo: 79,
		Likes:   11,
		Helped:  12,
		Thanks:  4,
	},
	{
		Community: "fakturafragor",
		Author:    "fredrik",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kunden vägrar betala påminnelseavgiften – får vi ens ta ut den?",
		Body: `Kund som betalade fyra dagar för sent har fått en påminnelse med 60 kr i avgift. Han säger att det är olagligt eftersom han "aldrig gått med på någon avgift".

Stämmer det? Och om vi får ta ut den – ska jag stå på mig eller kan jag stryka den för att få ett slut på samtalet?`,
		Tags:    []string{"påminnelse", "faktura", "kundbemötande"},
		DaysAgo: 18,
		Answers: []answer{
			{
				Author: "helena",
				Body: `Bra fråga! Reglerna är:

- En **påminnelseavgift** får bara tas ut om den är **avtalad i förväg**. Hos oss står den i de allmänna villkoren som kunden godkänner när offerten signeras – så för kunder med signerad offert i Kundportalen är den avtalad.
- Avgiften får vara **högst 60 kr** enligt lag.
- **Dröjsmålsränta** (referensräntan + 8 procentenheter) får vi ta ut även utan avtal.

Men: vid **första påminnelsen** och när det är några dagar får du stryka avgiften som en goodwillgest. Skriv *Goodwill, första påminnelse* i kommentaren så krediterar vi den.`,
				Accepted: true,
				Helped:   12,
				Comments: []comment{
					{Author: "fredrik", Body: "Perfekt, då vet jag vad jag kan säga. Kunden var nöjd när avgiften ströks."},
					{Author: "nora", Body: "Bra att vi har den möjligheten – men inte som standard på alla, tack 😊"},
				},
			},
		},
		Likes:  8,
		Helped: 10,
		Thanks: 3,
	},
	{
		Community: "fakturafragor",
		Author:    "amina",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kan kunden dela ROT-avdraget mellan två ägare i efterhand?",
		Body: `Kunden fick en faktura där hela ROT-avdraget ligger på henne. Huset ägs till hälften av hennes sambo, och nu säger hon att hon redan använt mycket av sitt avdrag i år på en badrumsrenovering.

Kan vi ändra fakturan så att avdraget delas mellan dem? Fakturan är inte betald än.`,
		Tags:    []string{"rot-avdrag", "faktura", "kreditering"},
		DaysAgo: 32,
		Answers: []answer{
			{
				Author: "greta",
				Body: `Ja, eftersom fakturan **inte är betald** och vi inte har skickat begäran till Skatteverket går det bra:

1. Be kunden mejla sambons namn och personnummer till faktura@fjallvind.se (inte i chatten).
2. Vi **krediterar** den gamla fakturan och skickar en ny med båda som köpare och avdraget fördelat.
3. Båda måste stå som **ägare till fastigheten** och båda måste ha betalat sin del – annars kan Skatteverket neka.

Har kunden redan betalat blir det krångligare, hör av dig till mig i så fall.`,
				Accepted: true,
				Helped:   7,
			},
			{
				Author: "hanna",
				Body:   "Kom ihåg att pausa påminnelsen i Visma medan vi byter faktura, annars får kunden en påminnelse på den krediterade fakturan. (Det har hänt…)",
				Helped: 5,
			},
		},
		Likes:  5,
		Helped: 6,
		Thanks: 2,
	},
	{
		Community: "fakturafragor",
		Author:    "helena",
		Type:      "best_practice",
		Lang:      "sv",
		Title:     "Kreditera alltid mot ursprungsfakturan – aldrig minusrader på nästa faktura",
		Body: `Vi ser fortfarande att prisavdrag och ersättningar läggs som **minusrader på en ny faktura**. Det ser smidigt ut men ställer till det:

- ROT-underlaget blir fel, eftersom avdraget räknas på fel faktura.
- Kunden förstår inte vad minusraden gäller.
- Det blir svårt för oss att stämma av kundreskontran vid månadsbokslutet.

**Så här ska det göras:**

1. Öppna ursprungsfakturan i Visma.
2. Välj **Kreditera** → *Delkreditering* eller *Hel kreditering*.
3. Ange orsak från listan (t.ex. *Prisavdrag reklamation*).
4. Skicka kreditfakturan till kunden med en kort förklaring.

Är du inte behörig att kreditera? Skicka ärendet till faktura@fjallvind.se med fakturanummer, belopp och orsak så gör vi det samma dag.`,
		Tags:    []string{"kreditering", "faktura", "visma"},
		DaysAgo: 104,
		Likes:   10,
		Helped:  9,
		Thanks:  2,
	},
	{
		Community: "fakturafragor",
		Author:    "viktor",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kunden säger att hen har betalat men det syns inte – vad kollar jag?",
		Body: `Får det här samtalet flera gånger i veckan. Kunden har fått en påminnelse men säger att fakturan betalades för två veckor sedan.

Vad ska jag kolla innan jag skickar det vidare till ekonomi? Jag vill inte skicka vidare något som jag hade kunnat lösa direkt i samtalet.`,
		Tags:    []string{"betalning", "påminnelse", "faktura"},
		DaysAgo: 46,
		Answers: []answer{
			{
				Author: "helena",
				Body: `Den här checklistan löser de flesta:

1. **OCR-numret** – fråga vilket nummer kunden angav. Vanligaste felet är att de skrivit fakturanumret eller kundnumret.
2. **Rätt bankgiro?** Vårt är 5512-3390. Kunder som betalar via gamla sparade mottagare har ibland kvar en leverantörs bankgiro.
3. **Belopp** – betalade kunden beloppet *efter* ROT-avdrag?
4. **Datum** – betalningar tar 1–2 bankdagar.

Hittar du inte betalningen: be kunden mejla en skärmdump från banken till faktura@fjallvind.se så letar vi upp den. Pausa påminnelsen i 14 dagar under tiden.`,
				Accepted: true,
				Helped:   11,
			},
			{
				Author: "ulrika",
				Body:   "Lägg till: kolla om det finns en **kreditfaktura** som kunden har kvittat själv. Det ser ut som en delbetalning hos oss.",
				Helped: 4,
			},
		},
		Likes:  7,
		Helped: 9,
		Thanks: 3,
	},
	{
		Community: "fakturafragor",
		Author:    "greta",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Bostadsrätt? Då behövs föreningens organisationsnummer för ROT",
		Body: `Ungefär var tionde ROT-begäran som fastnar gäller en **bostadsrätt**. För bostadsrätter gäller inte fastighetsbeteckning – i stället behöver vi:

- **Bostadsrättsföreningens organisationsnummer**
- **Lägenhetsnumret** (föreningens interna nummer, inte det fyrsiffriga från Lantmäteriet)

Båda finns i kundens **upplåtelseavtal** eller på avgiftsavin från föreningen.

Ta det när ordern läggs. Det är mycket enklare än att jaga kunden efter installationen, när fakturan redan ska ut.`,
		Tags:    []string{"rot-avdrag", "bostadsrätt", "faktura"},
		DaysAgo: 67,
		Likes:   6,
		Helped:  7,
		Thanks:  2,
	},
	{
		Community: "fakturafragor",
		Author:    "hanna",
		Type:      "idea",
		Lang:      "sv",
		Title:     "Stoppa påminnelser automatiskt när det finns ett öppet ärende",
		Body: `I dag kan en kund som har reklamerat eller ifrågasatt fakturan ändå få en automatisk påminnelse – och sedan ett inkassobrev. Det är det sämsta kundmötet vi har: kunden har gjort rätt och får ändå ett hot om inkasso.

**Förslag:** när ett ärende av typen *Fakturafråga* eller *Reklamation* öppnas i Kundportalen, sätts en **påminnelsespärr** på kundens fakturor i Visma automatiskt. Spärren släpps när ärendet stängs.`,
		Tags:       []string{"påminnelse", "integration", "reklamation"},
		DaysAgo:    58,
		Likes:      14,
		Votes:      27,
		Status:     "planned",
		StatusNote: "Lucas bygger spärren i integrationen under kvartalet. Tills dess: lägg spärren manuellt i Visma eller mejla faktura@.",
		Comments: []comment{
			{Author: "helena", Body: "Vi på kundreskontran står bakom detta till 100 %."},
		},
	},
	{
		Community: "fakturafragor",
		Author:    "jonas",
		Type:      "question",
		Lang:      "sv",
		Title:     "Varför blev kundens gröna avdrag lägre än i offerten?",
		Body: `Solcellskund i Partille hade 32 000 kr i grönt avdrag i offerten men fick bara 24 000 kr på fakturan. Han är väldigt irriterad och tror att vi fuskat.

Vad kan ha hänt, och hur förklarar jag det? Jag ser inte avdragsraderna själv i Kundportalen.`,
		Tags:    []string{"grönt-avdrag", "solceller", "faktura"},
		DaysAgo: 25,
		Answers: []answer{
			{
				Author: "greta",
				Body: `Jag tittade på ordern. Två saker skiljer:

1. **Extra arbete på plats** – byte av takfot och en ny takstege – lades till efter offerten. Det är inte grön teknik och ger inget grönt avdrag. (Det kan ge ROT, men bara om det står som egen rad.)
2. **Bara en ägare** stod på ordern, fast offerten var räknad på två.

Jag ringer kunden i dag och förklarar. Vi kan lägga till den andra ägaren och skicka en korrigerad faktura eftersom den inte är betald.`,
				Accepted: true,
				Helped:   6,
				Comments: []comment{
					{Author: "jonas", Body: "Tack Greta! Skönt att någon som kan det på riktigt ringer."},
				},
			},
			{
				Author: "gustav",
				Body:   "Punkt 2 ser vi ofta. Vi borde ha en kontroll i Kundportalen som varnar om antalet ägare skiljer sig mellan offert och order.",
				Helped: 3,
			},
		},
		Likes:  4,
		Helped: 5,
		Thanks: 2,
	},
	{
		Community: "fakturafragor",
		Author:    "lisa",
		Type:      "question",
		Lang:      "sv",
		Title:     "Delbetalning – erbjuder vi det, och vem godkänner?",
		Body:      `Kunder frågar ofta om de kan dela upp betalningen för en bergvärmepump, särskilt när det är 150 000 kr eller mer. Vad ska jag svara? Och kan man få delbetalning i efterhand, när fakturan redan har kommit? Jag har en kund i telefonkön just nu som undrar.`,
		Tags:      []string{"delbetalning", "finansiering", "faktura"},
		DaysAgo:   51,
		Answers: []answer{
			{
				Author: "peter",
				Body: `Ja, vi erbjuder delbetalning via vår finanspartner:

- **Före köpet:** säljaren lägger till *Delbetalning* i offerten. Kunden ansöker med BankID, besked direkt.
- **I efterhand:** går om fakturan inte har förfallit. Kunden ringer oss, vi skickar en ansökningslänk och krediterar fakturan när finansieringen är godkänd.
- **Vi godkänner inte själva** – det gör finanspartnern efter kreditprövning.

Avbetalningsplaner direkt hos oss gör vi bara i undantagsfall, och då är det Helena eller jag som beslutar.`,
				Helped: 8,
			},
		},
		Likes:  5,
		Helped: 6,
		Thanks: 1,
	},
	{
		Community: "fakturafragor",
		Author:    "helena",
		Type:      "discussion",
		Lang:      "sv",
		Title:     "Varför får vi så många fakturafrågor i mars och april?",
		Body: `Jag tittade på statistiken från de senaste två åren. Fakturarelaterade ärenden ökar med **nästan 70 %** i mars–april jämfört med resten av året.

Mina gissningar:

- Kunder deklarerar och upptäcker hur ROT-avdraget påverkat deras skatt
- Vinterns installationer faktureras samtidigt
- Påminnelser för fakturor från februari går ut

Vad ser ni i kundtjänst? Finns det något vi kan göra *innan* mars för att minska trycket?`,
		Tags:    []string{"faktura", "rot-avdrag", "statistik"},
		DaysAgo: 70,
		Answers: []answer{
			{
				Author: "hanna",
				Body:   "Deklarationen är den stora. Kunder tror att ROT-avdraget ska dyka upp som en \"återbäring\" och blir förvirrade när det redan är avdraget på fakturan. Ett mejl i februari som förklarar det skulle spara massor av samtal.",
				Helped: 7,
				Comments: []comment{
					{Author: "greta", Body: "Jag kan skriva texten! Vi skickar den till alla ROT-kunder från förra året."},
				},
			},
			{
				Author: "emma",
				Body:   "Vi ser också många samtal från kunder som fått årsbesked från finanspartnern och inte förstår det. Kanske en snabbtext i chatten?",
				Helped: 3,
			},
			{
				Author: "peter",
				Body:   "Bra analys Helena. Vi kan också lägga vinterns fakturering jämnare genom att fakturera direkt vid slutbesiktning i stället för i klump vid månadsskiftet.",
				Helped: 4,
			},
		},
		Likes:  7,
		Thanks: 2,
	},
	{
		Community: "fakturafragor",
		Author:    "alva",
		Type:      "question",
		Lang:      "sv",
		Title:     "Skillnaden mellan kreditfaktura och återbetalning?",
		Body:      `Förlåt om det är en dum fråga, men jag blandar ihop dem. En kund har fått ett prisavdrag på 2 000 kr efter en reklamation. Får hen en kreditfaktura eller pengar tillbaka? Och vad säger jag till kunden om när pengarna kommer?`,
		Tags:      []string{"kreditering", "återbetalning", "onboarding"},
		DaysAgo:   9,
		Answers: []answer{
			{
				Author: "ulrika",
				Body: `Ingen dum fråga alls!

- **Kreditfaktura** = ett dokument som minskar det kunden är skyldig. Om fakturan **inte är betald** dras beloppet av, och kunden betalar mindre.
- **Återbetalning** = vi sätter in pengar på kundens konto. Det gör vi när fakturan **redan är betald**.

Så: kolla först om fakturan är betald. Är den betald skapar vi en kreditfaktura *och* gör en återbetalning. Be kunden mejla sitt kontonummer till faktura@ – aldrig i chatten.`,
				Accepted: true,
				Helped:   8,
			},
			{
				Author: "rasmus",
				Body:   "Återbetalningar går ut på tisdagar och torsdagar, så säg \"inom en vecka\" till kunden. Räkna med en bankdag till innan pengarna syns på kontot.",
				Helped: 3,
			},
		},
		Likes:  3,
		Helped: 5,
		Thanks: 2,
	},
	{
		Community: "fakturafragor",
		Author:    "emma",
		Type:      "question",
		Lang:      "sv",
		Title:     "Hur länge pausas inkasso när kunden bestrider fakturan?",
		Body: `Kund bestrider en faktura för en serviceinsats och menar att den borde ingå i Trygg-avtalet. Fakturan är förfallen sedan tre veckor.

Hur länge kan vi pausa inkasso medan vi utreder? Och vem meddelar inkassobolaget? Kunden är orolig för en betalningsanmärkning.`,
		Tags:    []string{"inkasso", "faktura", "serviceavtal"},
		DaysAgo: 15,
		Answers: []answer{
			{
				Author: "helena",
				Body:   "Vi skickar aldrig en bestridd faktura till inkasso förrän tvisten är löst. Lägg ett ärende av typen Fakturafråga, så sätter jag en spärr i Visma som gäller tills vi stänger ärendet. Om det redan gått till inkasso ringer jag dem och pausar. Meddela kunden att vi utreder och återkommer inom tio arbetsdagar.",
				Helped: 6,
			},
		},
		Likes:  3,
		Helped: 4,
		Thanks: 1,
	},
	{
		Community: "fakturafragor",
		Author:    "nora",
		Type:      "question",
		Lang:      "sv",
		Title:     "Kan vi skicka fakturor till Kivra?",
		Body: `Allt fler kunder frågar varför de inte får fakturan i Kivra eller som e-faktura i banken. Särskilt äldre kunder tappar bort pdf:er i mejlen.

Har vi det som alternativ, eller är det på väg? Vad ska vi svara i kundtjänst tills vidare?`,
		Tags:    []string{"faktura", "e-faktura", "visma"},
		DaysAgo: 6,
		Likes:   6,
	},
	{
		Community: "fakturafragor",
		Author:    "ulrika",
		Type:      "tip",
		Lang:      "sv",
		Title:     "Hitta rätt faktura i Visma på sekunder: sök på OCR-numret",
		Body: `När kunden har fakturan framför sig är **OCR-numret** det säkraste att söka på – det är unikt per faktura, till skillnad från belopp och namn.

I Visma:

1. Gå till **Kundreskontra → Fakturor**.
2. Klistra in OCR-numret i sökfältet (utan mellanslag).
3. Tryck **Enter** – du hamnar direkt på fakturan, inklusive betalningar och påminnelser.

Har kunden bara **ordernumret** från Kundportalen (börjar på O-)? Sök på det i fältet *Er referens* i stället.

Och en påminnelse: läs aldrig upp **personnummer** i telefon för att hitta kunden. Be kunden läsa upp OCR eller kundnummer.`,
		Tags:    []string{"visma", "faktura", "genvägar"},
		DaysAgo: 88,
		Likes:   9,
		Helped:  8,
		Thanks:  2,
	},
}
