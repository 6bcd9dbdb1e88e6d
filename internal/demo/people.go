package demo

// people is the staff of Fjällvind AB that appears in the demo. The company
// has about 600 employees; these are the ones who write and answer posts.
var people = []person{
	// HR
	{Key: "karin", Name: "Karin Lindqvist", Department: "HR", Title: "HR-chef", Lang: "sv", Expertise: []string{"arbetsmiljö", "ledarskap", "rekrytering"}, Admin: true},
	{Key: "anders", Name: "Anders Holmberg", Department: "HR", Title: "HR-specialist lön och förmåner", Lang: "sv", Expertise: []string{"lön", "förmåner", "semester"}},
	{Key: "josefin", Name: "Josefin Ek", Department: "HR", Title: "Rekryterare", Lang: "sv", Expertise: []string{"rekrytering", "employer-branding", "intervju"}},
	{Key: "mohammed", Name: "Mohammed Al-Rashid", Department: "HR", Title: "HR-partner", Lang: "sv", Expertise: []string{"arbetsrätt", "rehabilitering", "medarbetarsamtal"}},
	{Key: "camilla", Name: "Camilla Forsberg", Department: "HR", Title: "Onboarding- och utbildningsansvarig", Lang: "sv", Expertise: []string{"onboarding", "utbildning", "m365"}},

	// Sälj
	{Key: "erik", Name: "Erik Sandström", Department: "Sälj", Title: "Säljchef", Lang: "sv", Expertise: []string{"coachning", "prognos", "prissättning"}},
	{Key: "sara", Name: "Sara Nyström", Department: "Sälj", Title: "Senior säljare företag, Stockholm", Lang: "sv", Expertise: []string{"solceller", "offert", "förhandling"}},
	{Key: "johan", Name: "Johan Björk", Department: "Sälj", Title: "Säljare villa, Umeå", Lang: "sv", Expertise: []string{"värmepump", "rot-avdrag", "hembesök"}},
	{Key: "linnea", Name: "Linnea Åberg", Department: "Sälj", Title: "Säljare villa, Luleå", Lang: "sv", Expertise: []string{"värmepump", "kundbemötande"}},
	{Key: "ahmed", Name: "Ahmed Hassan", Department: "Sälj", Title: "Key account manager, Göteborg", Lang: "sv", Expertise: []string{"crm", "fastighetsbolag", "upphandling"}},
	{Key: "maja", Name: "Maja Engström", Department: "Sälj", Title: "Innesäljare", Lang: "sv", Expertise: []string{"telefonförsäljning", "invändningar", "crm"}},
	{Key: "oskar", Name: "Oskar Lundgren", Department: "Sälj", Title: "Senior säljare villa, Skellefteå", Lang: "sv", Expertise: []string{"värmepump", "offert", "coachning"}},
	{Key: "elin", Name: "Elin Wikström", Department: "Sälj", Title: "Säljsupport", Lang: "sv", Expertise: []string{"kundportalen", "excel", "offert"}},
	{Key: "david", Name: "David Karlsson", Department: "Sälj", Title: "Säljare företag, Göteborg", Lang: "sv", Expertise: []string{"solceller", "grönt-avdrag", "bidrag"}},
	{Key: "niklas", Name: "Niklas Persson", Department: "Sälj", Title: "Säljare villa (nyanställd), Umeå", Lang: "sv", Expertise: []string{"värmepump"}},

	// Kundtjänst
	{Key: "nora", Name: "Nora Jakobsson", Department: "Kundtjänst", Title: "Teamledare kundtjänst", Lang: "sv", Expertise: []string{"kundbemötande", "reklamation", "coachning"}},
	{Key: "fredrik", Name: "Fredrik Öberg", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare", Lang: "sv", Expertise: []string{"faktura", "kundportalen"}},
	{Key: "amina", Name: "Amina Yusuf", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare", Lang: "sv", Expertise: []string{"kundbemötande", "serviceavtal"}},
	{Key: "lisa", Name: "Lisa Marklund", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare, teknisk support", Lang: "sv", Expertise: []string{"värmepump", "felsökning", "app"}},
	{Key: "viktor", Name: "Viktor Hedlund", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare", Lang: "sv", Expertise: []string{"bokning", "genvägar"}},
	{Key: "hanna", Name: "Hanna Sjöberg", Department: "Kundtjänst", Title: "Senior kundtjänstmedarbetare", Lang: "sv", Expertise: []string{"reklamation", "kreditering", "rot-avdrag"}},
	{Key: "jonas", Name: "Jonas Backman", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare", Lang: "sv", Expertise: []string{"solceller", "nätanslutning"}},
	{Key: "emma", Name: "Emma Lindberg", Department: "Kundtjänst", Title: "Kvalitetsansvarig kundtjänst", Lang: "sv", Expertise: []string{"samtalsmanus", "kvalitet", "excel"}},
	{Key: "alva", Name: "Alva Nordin", Department: "Kundtjänst", Title: "Kundtjänstmedarbetare (nyanställd)", Lang: "sv", Expertise: []string{"kundbemötande"}},

	// IT
	{Key: "priya", Name: "Priya Raghavan", Department: "IT", Title: "Head of IT", Lang: "en", Expertise: []string{"m365", "säkerhet", "arkitektur"}},
	{Key: "tomas", Name: "Tomas Wallin", Department: "IT", Title: "Systemförvaltare Kundportalen", Lang: "sv", Expertise: []string{"crm", "kundportalen", "integration"}},
	{Key: "mikael", Name: "Mikael Granlund", Department: "IT", Title: "IT-tekniker", Lang: "sv", Expertise: []string{"support", "intune", "mobil"}},
	{Key: "sofia", Name: "Sofia Berglund", Department: "IT", Title: "BI-utvecklare", Lang: "sv", Expertise: []string{"powerbi", "excel", "visma"}},
	{Key: "liam", Name: "Liam O'Connor", Department: "IT", Title: "Security engineer", Lang: "en", Expertise: []string{"säkerhet", "phishing", "mfa"}},
	{Key: "ida", Name: "Ida Johansson", Department: "IT", Title: "IT-supporttekniker", Lang: "sv", Expertise: []string{"support", "teams", "m365"}},
	{Key: "lucas", Name: "Lucas Meyer", Department: "IT", Title: "Integration developer", Lang: "en", Expertise: []string{"api", "integration", "visma"}},

	// Ekonomi
	{Key: "peter", Name: "Peter Strand", Department: "Ekonomi", Title: "Ekonomichef", Lang: "sv", Expertise: []string{"bokslut", "budget", "prognos"}},
	{Key: "ulrika", Name: "Ulrika Eriksson", Department: "Ekonomi", Title: "Redovisningsekonom", Lang: "sv", Expertise: []string{"bokslut", "visma", "moms"}},
	{Key: "gustav", Name: "Gustav Lindahl", Department: "Ekonomi", Title: "Controller", Lang: "sv", Expertise: []string{"powerbi", "excel", "marginal"}},
	{Key: "helena", Name: "Helena Vikström", Department: "Ekonomi", Title: "Kundreskontra och kredit", Lang: "sv", Expertise: []string{"faktura", "påminnelse", "kreditering"}},
	{Key: "rasmus", Name: "Rasmus Holm", Department: "Ekonomi", Title: "Ekonomiassistent", Lang: "sv", Expertise: []string{"utlägg", "leverantörsfakturor"}},
	{Key: "greta", Name: "Greta Söderberg", Department: "Ekonomi", Title: "Ekonomiassistent, ROT och skattereduktion", Lang: "sv", Expertise: []string{"rot-avdrag", "grönt-avdrag", "skatteverket"}},

	// Service
	{Key: "mats", Name: "Mats Nilsson", Department: "Service", Title: "Servicechef", Lang: "sv", Expertise: []string{"arbetsmiljö", "planering", "serviceavtal"}},
	{Key: "kalle", Name: "Kalle Bergqvist", Department: "Service", Title: "Servicetekniker värmepump, Umeå", Lang: "sv", Expertise: []string{"värmepump", "kylteknik", "felsökning"}},
	{Key: "sven", Name: "Sven Lundqvist", Department: "Service", Title: "Installationsledare, Luleå", Lang: "sv", Expertise: []string{"värmepump", "bergvärme", "säkerhet"}},
	{Key: "ali", Name: "Ali Demir", Department: "Service", Title: "Elinstallatör solceller, Stockholm", Lang: "sv", Expertise: []string{"solceller", "el", "växelriktare"}},
	{Key: "jenny", Name: "Jenny Holmgren", Department: "Service", Title: "Serviceplanerare", Lang: "sv", Expertise: []string{"planering", "bokning", "kundbemötande"}},
	{Key: "marco", Name: "Marco Bianchi", Department: "Service", Title: "Service technician, Göteborg", Lang: "en", Expertise: []string{"värmepump", "kylteknik", "f-gas"}},
	{Key: "tove", Name: "Tove Lindström", Department: "Service", Title: "Servicetekniker solceller, Göteborg", Lang: "sv", Expertise: []string{"solceller", "batterilager", "takarbete"}},
}
