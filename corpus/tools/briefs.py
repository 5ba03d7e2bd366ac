#!/usr/bin/env python3
"""The corpus's writing briefs, as data: each becomes corpus/briefs/<id>.md (run this file
to write them). One brief is one independent slice (phenomenon x site x profession x
country) written by one writer that sees only guidance.md, LABELLING.md, COMMON.md and its
brief."""
import pathlib

B = []
def brief(id, title, quota, who, sites, countries, cover, near=""):
    B.append(dict(id=id, title=title, quota=quota, who=who, sites=sites, countries=countries, cover=cover, near=near))

P_QUOTA = "200 lines: 120 `warn`/patient, 35 `caution`/patient, 45 `none` (near misses in the same voice)"
brief("p01-uk-ward-nurses-fb-groups", "UK ward nurses and HCAs venting in Facebook closed groups", P_QUOTA,
  "staff nurses, healthcare assistants, ward sisters, student nurses on placement", "facebook (closed groups like 'Nurses UK chat', 'Night shift survivors'), some whatsapp group chats among staff", "England, Wales",
  "night and day shifts on medical and surgical wards: the lady in bay 3, the man in side room 2, a bed number, a confused resident from a named care home, a ward name, a named hospital or town, a relative who kicked off, a frail patient's age and condition, a fall, a death, a discharge. Long rambling posts written at 3am, emoji, the group's in-jokes. Several details spread over sentences.",
  "venting about staffing, the rota or management with no patient; a nurse's own illness; generic 'patients deserve better'; a ward 'bay' that is a car park bay; asking the group for clinical advice with nothing identifying and no recency.")
brief("p02-us-er-nurses-reddit", "US ER and ICU nurses and techs telling stories on Reddit", P_QUOTA,
  "ER nurses, ICU nurses, ER techs, travel nurses, charge nurses", "reddit (posts and comments in nursing and emergency subreddits)", "United States (many states: Texas, Ohio, Florida, California, Michigan, Georgia...)",
  "shift stories with age + sex + complaint + when + a county, city, employer or hospital system; the frequent flyer everybody in town knows; a celebrity or local official who came in; a child's injury; overdoses; 'room 12'; exact lab values; screenshots. txt-speak, 'so this happened last night', throwaway accounts, long storytime posts, 'update:' posts.",
  "aggregate statistics; how-to questions; pay and union talk; a nurse's own ER visit; stories clearly from decades ago with nothing identifying; patients in general (not disparaging).")
brief("p03-anz-paramedics-x-threads", "Australian and New Zealand paramedics on X and Threads", P_QUOTA,
  "paramedics, intensive care paramedics, volunteer ambos, patient transport officers, dispatchers", "x, threads", "Australia (suburbs, highways, towns in QLD, NSW, VIC, WA), New Zealand (towns, state highways)",
  "jobs described with the suburb or highway, time, age, sex and what happened ('rolled his ute on the Bruce Hwy at 2am', 'nan in Toowoomba with a broken hip on the bathroom floor'), CAD/job numbers, unusual scenes that locals would recognise, crashes in the news, short quips and threads of 3-4 posts, Aussie and Kiwi slang (arvo, servo, ute, maccas, chur, sweet as).",
  "shift length and fatigue; road safety PSAs; station barbecue; advice to the public; jobs described with nothing identifying and no when/where.")
brief("p04-ca-ie-gps-linkedin-mastodon", "Canadian and Irish family doctors reflecting on LinkedIn and Mastodon", P_QUOTA,
  "family physicians, GPs, nurse practitioners, locum doctors", "linkedin (reflective posts), mastodon", "Canada (Nova Scotia, Ontario, Manitoba, rural BC), Ireland (Cork, Galway, small towns)",
  "thoughtful reflective posts ('A lesson from my Tuesday clinic…') in which details add up across sentences: the rural town, the patient's job, age, family situation, diagnosis, the season or day; stories of a memorable death or a diagnosis; posts celebrating a patient who recovered with a photo described; almost none say the word 'patient' or 'pt' — they say 'a woman', 'a farmer', 'my 4 o'clock', 'a young dad'. Formal register, hashtags at the end, occasional 'I've changed details' that in fact leaves them identifiable.",
  "reflections on medicine with no particular person; policy about doctor shortages; a doctor's own burnout; a case clearly presented as a composite with no when/where; a teaching point from the literature.")
brief("p05-dental-instagram-reviews", "Dentists and dental nurses on Instagram and answering reviews", P_QUOTA + " — at least 50 of the lines have a context (a review or a comment the draft replies to)",
  "dentists, dental nurses, hygienists, orthodontists, practice owners", "instagram (captions and comment replies), facebook (practice page replies to reviews), some x", "United Kingdom, Ireland, United States",
  "before/after smile captions that name or tag the patient, say where they work or what they do; replies to reviews and complaints that confirm the person was seen and add their treatment, dates, habits or history (context = the review); stories about a nervous patient, a local footballer's veneers, a child who bit the dentist.",
  "review replies that thank without confirming care or giving clinical facts ('Thank you for your kind words! We'll share them with the team'); replies that move the conversation offline without confirming anything; dental hygiene tips; practice news; a dentist's own dental work.")
brief("p06-pharmacists-mixed", "Pharmacists and pharmacy technicians on Reddit, Facebook and X", P_QUOTA,
  "community pharmacists, hospital pharmacists, pharmacy technicians, pre-reg pharmacists", "reddit, facebook, x", "United States, United Kingdom, South Africa",
  "customers described by what they collect (drug + dose + how often) and where (the branch, the town, the street), their job, family, a name on a script, a regular who is a local figure, controlled-drug scripts, morning-after pill requests in a small town, methadone clients by first name. Customer-service rage, dry humour.",
  "drug shortage complaints; pay and staffing; explaining how a medicine works in general; the pharmacist's own prescription; a hypothetical interaction question.")
brief("p07-midwives-births", "Midwives and maternity workers on Facebook, Instagram and Threads", P_QUOTA,
  "midwives, student midwives, maternity support workers, doulas, neonatal nurses", "facebook, instagram, threads", "United Kingdom, New Zealand, Australia",
  "births with the weight, time, day, place (birth centre, home birth in a village, the pool room), the parents' jobs or names, twins, a baby born in a car park or on the motorway, a teenage mum, a stillbirth, a baby with a rare condition; celebratory posts with emoji and hearts, grief posts.",
  "birth statistics; midwifery recruitment; the midwife's own pregnancy; antenatal class adverts; general reflections on loss with no particular family.")
brief("p08-care-workers-homes", "Care workers in care homes and home care, on Facebook and WhatsApp", P_QUOTA,
  "care assistants, senior carers, home care workers, activity coordinators, care home nurses, carers born in the Philippines, India and Zimbabwe working in the UK", "facebook, whatsapp (group chats), some instagram", "United Kingdom, Ireland",
  "residents by first name, room number, the home's name, their old job, their family, dementia behaviours, a birthday of a 100-year-old with photo, a death, a resident's visitor, home-care clients by street or village; affectionate and exasperated tones; second-language English.",
  "rota and pay; the carer's own family; training days; care sector news; residents in general ('our residents loved the singer today' with nothing more).")
brief("p09-social-workers-mental-health", "Social workers and mental health staff on Bluesky, Mastodon and Reddit", P_QUOTA,
  "child protection social workers, adult social workers, mental health nurses, support workers, psychologists, crisis team staff", "bluesky, mastodon, reddit", "United States, England, Scotland",
  "case details that add up: a family's circumstances, children's ages, a court hearing today, a removal, a town or estate, a client's job, a section under the Mental Health Act last night, a client who is known locally; dark humour, burnout, 'can't say much but'.",
  "caseload numbers; policy and funding; a worker's own therapy; training scenarios; aggregated observations about 'families we work with' with no particular family.")
brief("p10-students-discord-insta", "Medical and nursing students and junior doctors on Discord, Instagram and X", P_QUOTA,
  "medical students, nursing students, foundation doctors, interns, house officers", "discord (study servers), instagram (stories and captions), x", "India, Nigeria, South Africa, Malaysia, United Kingdom",
  "placement and ward stories: the first time they saw a rare disease, a famous person on the ward, a patient from their village, the consultant's private patient, photos of X-rays or wounds described, a case seen today with age + sex + condition + hospital; heavy txt-speak, code-switching (Hinglish, Nigerian Pidgin, Malaysian English 'lah'), memes.",
  "exam panic; study questions with textbook vignettes; OSCE practice; hostel life; their own illness; purely educational posts with no particular person and no recency.")
brief("p11-receptionists-admin-porters", "Receptionists, admin staff, porters and radiographers on Facebook, X and Threads", P_QUOTA,
  "GP receptionists, clinic front-desk staff, medical secretaries, porters, radiographers, phlebotomists", "facebook, x, threads", "United Kingdom, United States, Australia",
  "'guess who came in today', a local councillor, a teacher from their kids' school, a neighbour, an ex, a footballer; names glimpsed on the screen, appointment times, what the appointment was for, a rude caller with their street, an X-ray that showed something funny.",
  "phone-system complaints; opening-hours notices; their own appointment; staff party; the word 'appointment' or 'scan' in a harmless sense.")
brief("p12-physio-sports-instagram-youtube", "Physios, OTs and sports medicine staff on Instagram, YouTube comments and Threads", P_QUOTA,
  "physiotherapists, occupational therapists, sports therapists, sports physicians, club doctors", "instagram, youtube (comments, often replies under videos), threads", "Australia, Canada, United States",
  "athletes at local clubs or schools with their injury and timeline before any announcement, a YouTuber or influencer they treated, a client's ACL with the team name, an elderly client's fall at home in a named suburb, rehab progress posts that tag or name the client, comments under a match highlights video revealing an injury.",
  "exercise tips; injury prevention; a club's public injury statement being discussed; their own injury; general rehab education.")
brief("p13-news-events-comments", "Clinicians commenting on local news and public events", P_QUOTA + " — most `warn` lines link a case to a public event or news story",
  "ED doctors, trauma surgeons, nurses, paramedics, ICU staff, theatre staff", "youtube (comments under news videos), x (replies to news accounts), reddit (local city subreddits), facebook (local news pages)", "United States, United Kingdom, Canada",
  "'I was working when they brought in...' under a crash, stabbing, fire, festival, concert, sports injury or celebrity story; adding what the news did not say (injuries, condition, what they said, who visited); a local official's visit; rare scenes that identify.",
  "commenting on the news as a member of the public; sharing public statements; general safety messages; praising colleagues without details; a clinician commenting on a case they were not involved in, from the news only.")
brief("p14-indirect-no-patient-word", "Identifying drafts that never say 'patient': indirect and spread-out details", "200 lines: 150 `warn`/patient, 20 `caution`/patient, 30 `none`",
  "any profession (nurses, doctors, paramedics, dental nurses, pharmacists, physios, midwives, carers, social workers, students, receptionists)", "all twelve sites, spread evenly", "Scotland, Wales, Jamaica, Singapore, Ghana, Canada",
  "the person is 'the lad', 'my 3pm', 'the lady in the end bed', 'the old boy from the farm', 'a young mum', 'a fella', 'the bloke with the hand'; details arrive in different sentences: one sentence says when, another what happened, another where they work or live. No 'patient', 'pt', 'client' or 'resident' in at least 130 of the warn lines. Long posts, threads of thoughts, and short ones.",
  "the same kinds of sentences about the writer's own family, a TV show, a friend met socially, or a hypothetical ('imagine a lad who...').")
brief("c01-memes-mockery", "Mocking patients in meme formats, no one identifiable", "200 lines: 170 `caution`/patient, 15 `warn`/patient (mockery that also identifies), 15 `none`",
  "nurses, doctors, paramedics, pharmacists, dental nurses, students", "x, threads, instagram, reddit, youtube", "United States, United Kingdom, Australia, Canada",
  "'I hate patients because…', 'my ick is…', 'patient top trumps', 'POV: the patient who…', 'tell me you work in A&E without telling me', 'types of patients as…', sarcastic questions, fake 'rating' posts, mocking accents, bodies, intelligence, allergies, pain scores, frequent flyers; wishing boredom or harm; the joke sometimes about one unnamed patient today with one detail.",
  "jokes about the system, management, coffee, night shifts; jokes at the writer's own expense; memes about colleagues' habits.")
brief("c02-labels-profanity-groups", "Labels, slurs and profanity about patients in closed groups and chats", "200 lines: 165 `caution`/patient, 15 `warn`/patient, 20 `none`",
  "nurses, healthcare assistants, care workers, paramedics, receptionists, pharmacy technicians", "facebook (closed groups), discord, reddit, whatsapp", "Ireland, New Zealand, Philippines, Canada, Nigeria, South Africa",
  "labels ('frequent flyer', 'drug seeker', 'GOMER', 'bed blocker', 'time waster', 'nutter'), profanity aimed at patients, 'these people', contempt for patients' weight, addiction, culture or intelligence, wishing they'd go elsewhere; one-patient-today rants with a single detail; sarcasm; code-switching.",
  "venting about workload or the employer without blaming patients; swearing about the rota; defending patients against such talk.")
A_QUOTA = "200 lines: 130 `warn`/approach (at least 110 with a context, at least 45 of those a thread of 3+ messages where the care link is in an earlier message), 70 `none` (same kinds of messages from people who are not patients, or harmless replies)"
brief("a01-messenger-gp-nurse", "Patients approaching GPs, nurses and physios on Facebook Messenger", A_QUOTA,
  "GPs, practice nurses, ward nurses, physiotherapists, healthcare assistants", "messenger, facebook (friend requests, comments)", "England, Wales, Scotland",
  "thank-you messages that turn into coffee or drink invitations, 'found you on Facebook', friend requests from patients, compliments on looks, a patient's late-night messages, requests for results; replies that accept, flirt, set a time, share a number, give clinical advice, and polite refusals sent on Messenger.",
  "the same words from a colleague, a cousin, a school friend, a partner; a practice page answering opening hours.")
brief("a02-instagram-dms-found-you", "'Found you on here': Instagram DMs and comments to dentists, aesthetic nurses and physios", A_QUOTA,
  "dentists, aesthetic nurses, physiotherapists, personal-trainer-physios, ER nurses with public accounts", "instagram (DMs, comments, story replies)", "United States, Australia",
  "patients finding the clinician's account, reacting to their stories, complimenting looks, asking to meet, asking for a discount or a favour, sending pictures of their rash or teeth for advice; replies: heart reacts written as text, 'haha thank u', following back, giving advice by DM, meeting up.",
  "followers who are not patients (fans of the content, other clinicians, brands); friends from the gym; partners.")
brief("a03-whatsapp-carers-midwives", "Patients and families with the clinician's number on WhatsApp", A_QUOTA,
  "home carers, community midwives, district nurses, physios doing home visits, community health workers", "whatsapp", "India, South Africa, Nigeria, United Kingdom",
  "gifts (food, money, jewellery), invitations to family weddings or dinners, dependency ('you are like a daughter to me'), romantic messages, requests to visit after discharge, asking for private sessions for cash, voice-note transcripts; replies that accept, thank warmly, share personal plans.",
  "family group chats; colleagues swapping shifts; a community group organising an event; friends' compliments.")
brief("a04-outgoing-clinician-first", "Clinicians starting personal approaches to patients", "200 lines: 130 `warn`/approach (at least 60 with no context at all, the rest replying to a harmless message from the patient), 70 `none` (clinicians messaging colleagues, friends, partners or dates; professional notices)",
  "doctors, nurses, paramedics, pharmacists, dentists, physios, students, receptionists", "messenger, instagram, x, linkedin, facebook, whatsapp", "United States, Canada, United Kingdom",
  "messages to a current or former patient or their relative: 'I was your nurse on Saturday…', friend requests, 'got your number from your notes', 'fancy a drink once you're discharged', LinkedIn connection with a personal note, sending results or advice by DM, compliments on looks, offering private treatment off the books.",
  "asking a colleague out; messaging a match from a dating app who happens to work in healthcare; a practice's official broadcast about flu clinics; networking with other professionals on LinkedIn.")
brief("a05-communities-gaming-youtube", "Patients recognising clinicians in gaming, hobby and community spaces", A_QUOTA,
  "therapists, social workers, psychiatric nurses, student doctors, paramedics, optometrists", "discord, reddit, bluesky, mastodon, threads, youtube (comments on the clinician's channel)", "United Kingdom, United States, Australia, New Zealand",
  "'wait, are you my therapist?', 'you did my eye test last week lol wanna duo', comments on a clinician's YouTube videos that mention their appointment, parasocial dependency, invitations to a server, a meet-up, a gig; replies in the same casual voice.",
  "gamers flirting who are not patients; community members thanking a moderator; fans of a health channel who were never seen by the creator.")
brief("a06-relatives-of-patients", "Relatives of patients approaching staff (parents, adult children, partners)", A_QUOTA,
  "paediatric nurses, care home staff, oncology nurses, school nurses, hospice staff, midwives", "facebook, messenger, whatsapp, x", "Ireland, Scotland, Canada",
  "a parent of a child on the ward flirting, an adult son of a resident inviting a carer to dinner, a widow giving an expensive gift after her husband's death, a relative adding the nurse on Facebook, asking the nurse to visit at home; replies accepting, thanking, arranging.",
  "family friends who are not connected to the care; staff's own relatives; public thank-you posts on the hospital's page answered by the official account without confirming anything.")
brief("a07-public-comments-reception-pharmacy", "Public comments and connection requests to receptionists, pharmacists, dental nurses and paramedics", A_QUOTA,
  "receptionists, pharmacists, dental nurses, paramedics, radiographers, phlebotomists", "facebook (comments on public posts), x (replies), linkedin (connection requests and messages), threads", "United States, United Kingdom, Philippines, Singapore",
  "'you're even hotter out of scrubs' on a public photo, 'the cute pharmacist at the Main St branch', job or business offers from patients with dinner, LinkedIn messages from a patient wanting to 'connect properly'; replies with emoji, winks, 'DM me', accepting lunches.",
  "colleagues' comments; customers' generic thanks answered by the official account; recruiters on LinkedIn; friends teasing.")
N_QUOTA = "200 lines: 180 `none` all with a context (about 60 of them threads of 3+ messages), 20 `warn`/approach for contrast"
brief("n01-friends-family-partners", "Approach-like words from friends, family, partners and colleagues", N_QUOTA,
  "nurses, doctors, paramedics, carers, students, pharmacists", "messenger, whatsapp, instagram, facebook", "United Kingdom, Australia, India, United States",
  "a mum's 'love you 😘', a partner's 'you looked gorgeous today', a best friend's 'found you on here!', cousins' wedding invitations, colleagues' drinks after shift, a secret Santa gift, a school reunion, a group chat arranging brunch, a sibling asking for their own medicine advice; replies that accept, flirt, share numbers, arrange to meet — all harmless because nobody is the writer's patient. The contrast lines are the same style but the thread shows the sender is the writer's patient.",
  "")
brief("n02-dates-official-support", "Dates met elsewhere, official accounts, support groups and strangers", N_QUOTA,
  "nurses, GPs, dentists, physios, practice managers, hospital comms officers, support-group moderators", "facebook, x, linkedin, reddit, instagram, messenger", "Canada, United Kingdom, New Zealand, United States",
  "dating-app matches who learn the writer is a nurse; gym and church friends; the hospital's official account answering questions about visiting hours or parking; a practice page replying to 'are you taking new patients'; a patient-support group's moderator welcoming members; strangers asking general health questions in public threads and getting general answers; recruiters. Contrast lines: a reply that confirms the asker is the writer's patient and arranges something personal.",
  "")
brief("n03-threads-harmless-care-words", "Threads full of care words that are still harmless", N_QUOTA,
  "nurses, paramedics, midwives, social workers, students, receptionists", "whatsapp, messenger, discord, threads, bluesky", "Ireland, South Africa, Nigeria, Australia",
  "colleagues' threads about a shift swap, a friend who was a patient elsewhere asking how to complain, a partner who works in the same hospital, a study group discussing a case from a textbook, a family member discharged from another hospital chatting with the writer as family, a former classmate who is now a doctor; care words everywhere (ward, bed, stitches, drink, gorgeous) but no clinician-patient approach. Contrast lines: threads where an earlier message shows the other person was cared for by the writer.",
  "")
H_QUOTA = "200 lines: 185 `none` (about 40 with a context), 15 `warn` or `caution` for contrast"
brief("h01-own-and-family-health", "The writer's own health and their family's", H_QUOTA,
  "nurses, doctors, carers, pharmacists, midwives writing as themselves or as relatives", "facebook, threads, instagram, x, reddit", "United Kingdom, United States, Australia, Ireland",
  "'my mum's in ICU after a stroke', their own cancer or miscarriage, their baby's birth story, a child's A&E visit with photos, a partner's surgery, a grandparent's dementia, their own mental health; asking for prayers; details that would identify if they were about a patient, but they are the writer's own. Contrast: the same story told about a patient.",
  "")
brief("h02-teaching-exams-cases", "Teaching vignettes, exam questions and published cases", H_QUOTA,
  "medical and nursing students, educators, residents, pharmacists studying, paramedic students", "discord, reddit, x, youtube, linkedin", "India, Nigeria, United Kingdom, United States, Pakistan",
  "'A 45-year-old man presents with…' vignettes, USMLE / PLAB / NCLEX / MRCP / OSCE talk, journal club summaries, 'interesting case report in NEJM this week', lecture slides, simulation scenarios, mnemonics, asking for help with a question bank item. Contrast: a real case from today dressed up as a vignette ('had this exact one on the ward today, 45M…').",
  "")
brief("h03-historical-fiction-public", "Historical cases, fiction and TV, public figures and hospital news", H_QUOTA,
  "doctors, nurses, paramedics, students, retired clinicians", "youtube, x, bluesky, facebook, threads", "United Kingdom, United States, Canada, Australia",
  "Grey's Anatomy / The Pitt / Casualty episodes, novels, history of medicine (Phineas Gage, Typhoid Mary), a footballer's injury as the club announced it, a politician's own public statement about their cancer, a hospital's press release, news of an outbreak as reported, court reports already public. Contrast: adding inside knowledge the public does not have.",
  "")
brief("h04-word-senses", "Other senses of the words: be patient, code review, theatre, councillors", H_QUOTA,
  "software developers, gamers, theatre-goers, councillors, teachers, parents — and healthcare workers using the words in another sense", "mastodon, discord, reddit, linkedin, x, bluesky", "United Kingdom, United States, India, Australia",
  "'be patient', 'patience', 'code review', 'the theatre' (plays), 'ward 3 councillors', 'triage the backlog', 'patient zero' of a bug, 'bed' in gardening, 'discharge' in electronics, 'operation' in the military, 'clinic' in sport coaching, 'ICU' as slang, 'scrubs' the TV show, 'nurse a pint', 'doctor the photo', game healers, 'the surgery' of an MP. Contrast: the real sense.",
  "")
brief("h05-shift-pay-aggregate", "Shift, pay, rota, strikes, careers and patients in aggregate", H_QUOTA,
  "nurses, junior doctors, paramedics, pharmacists, physios, midwives, social workers", "linkedin, facebook, x, reddit, threads", "United Kingdom, Ireland, Canada, Australia, New Zealand",
  "rotas, pay, strikes, union ballots, burnout, career moves, new job announcements, workload figures ('we saw 312 patients this weekend'), praise for the team, recruitment, public health messages, non-disparaging talk about patients in general ('patients deserve better than corridor care'), hospital news. Contrast: one line that slips in a particular patient.",
  "")
brief("h06-other-languages-code-links", "Other languages, code, links, emoji and noise", H_QUOTA,
  "healthcare workers and others", "discord, reddit, mastodon, whatsapp, x, bluesky", "Philippines, India, Wales, Nigeria, Canada (Quebec), United States",
  "whole messages in Spanish, French, Hindi, Tagalog, Welsh, Arabic, Yoruba, Portuguese; code snippets (including fake test data with words like patient_id in a programming sense), stack traces, SQL, JSON, URL dumps, emoji-only replies, hashtag strings, lists, song lyrics, keyboard mashing, copied shopping lists, phone numbers of businesses. Contrast: a non-English line that really identifies a patient.",
  "")
brief("h07-generic-clinical-ok", "Clinical talk that is fine: pearls, advocacy, gratitude without a person", H_QUOTA,
  "nurses, doctors, dentists, pharmacists, physios, paramedics, midwives, social workers", "linkedin, x, mastodon, bluesky, facebook, instagram", "United States, United Kingdom, Australia, Singapore, South Africa",
  "clinical pearls ('pts with DKA: check the K before insulin'), advocacy, public education, 'why I love this job' without a particular person, reflections on death in general, thanks to patients as a group, conference notes, guidelines, myths debunked. Contrast: the same reflection anchored to one patient with details.",
  "")
brief("x01-threads-care-link-earlier", "Multi-message threads where the care link is in an earlier message", "200 lines: 110 `warn`/approach, 90 `none` — every line's context is a thread of 3 to 8 messages",
  "nurses, GPs, physios, midwives, paramedics, carers, dentists", "messenger, whatsapp, instagram, discord, facebook", "United Kingdom, United States, Australia, Ireland",
  "threads where the first messages establish care ('you did my stitches on tuesday', 'thanks for looking after mum in bed 6') and later ones drift into friendship, flirting, invitations, gifts; the draft replies to the last message, which on its own sounds harmless ('haha yes go on then, friday works x'). The writer's own earlier messages ('me') matter too. The none threads look the same but the earlier messages show a friend, colleague or date met elsewhere.",
  "")
brief("p15-long-posts-mixed", "Long rambling posts and threads where details accumulate", "200 lines: 110 `warn`/patient, 40 `caution`/patient, 50 `none` — at least 60% over 400 characters",
  "nurses, doctors, paramedics, care workers, social workers, midwives", "facebook, reddit, linkedin, threads, bluesky", "United States, United Kingdom, Canada, Australia, Ireland, New Zealand",
  "long posts that wander (the shift, the weather, the kids) and gather identifying details over paragraphs; 'I've changed some details' posts that still identify; tribute posts about a patient who died; gratitude posts naming the family; disparaging epics; the harmless ones wander just as much about work without a particular patient, or about the writer's own life.",
  "")
brief("p16-txtspeak-oneliners", "One-liners in txt-speak, no punctuation, emoji and hashtags", "200 lines: 100 `warn`/patient, 50 `caution`/patient, 50 `none` — most under 120 characters",
  "healthcare assistants, student nurses, EMTs, pharmacy techs, dental nurses, receptionists", "x, threads, instagram, discord, whatsapp, youtube", "United States, United Kingdom, Philippines, Nigeria, Jamaica, Australia",
  "'omg bed 7 is my old PE teacher 💀', 'pt in 4 just called me babe x3 lol', 'nan from the crash on the M6 last nite didnt make it 😭 #nhs', 'lmaooo the guy w the lightbulb', abbreviations (pt, hx, w/, rn, tn, smh, tf), no capitals, no punctuation, hashtags; the none lines in the same voice about breaks, exams, coffee, their own life.",
  "")

# Third round (2026-12-02): error analysis of the second model. Weakest: real published
# identifying texts (first-person narratives, blogs), social work and allied health,
# dental and front-desk staff, txt-speak; approach: gifts and money over WhatsApp,
# clinician-first contact; false warnings on threads and long harmless posts.
brief("p17-first-person-narratives-blogs", "First-person shift narratives, blog-style essays and advice-seeking posts", P_QUOTA + " — at least 70% over 400 characters",
  "paramedics, ED and ward nurses, GPs, junior doctors, ICU nurses, hospice nurses, student nurses", "reddit (long posts asking for advice or telling a story), facebook (long personal posts), linkedin (essays), mastodon, bluesky, threads", "United Kingdom (London boroughs, postcodes districts, northern towns), United States, Australia, South Africa, Ireland",
  "a call or a shift told as a story in the past tense, scene by scene: arriving, the room, what the person said word for word, their age, the family members present, a hostel or care home at the end of a named street, the obs, the outcome; 'a patient I will never forget' essays with an initial, a date or an anniversary; posts asking strangers for advice about one patient ('I've been caring for a 20 yo student for 4 days and…', 'my patient's daughter asked me…'); tributes and memorial posts; posts about a colleague's behaviour in front of one patient. The details come naturally from telling the story, never as a list.",
  "essays about the profession with no particular person; composite stories said to be composites with no when, where or distinctive detail; a story from the writer's training decades ago with nothing identifying; advice-seeking about rotas or colleagues; the writer's own time as a patient.")
brief("p18-community-allied-home-visits", "Community and allied health staff on home visits: social workers, OTs, district nurses, therapists", P_QUOTA,
  "social workers, occupational therapists, speech and language therapists, podiatrists, district nurses, health visitors, community mental health nurses, early-intervention workers", "facebook (personal posts and closed groups), bluesky, threads, reddit, whatsapp (staff chats)", "New Zealand, Wales, United States (Iowa, Kansas, rural Ohio), Ireland, Canada (Alberta, Saskatchewan)",
  "home visits in small places: the house (the dogs, the hoarding, the caravan, the farm), the village or road, who lives there, the children's ages and schools, a court date, a benefits appeal, the equipment fitted, the client's old job or standing in the community, a safeguarding referral today, a client who turned up in the local paper; weary, fond, dark-humoured; some second-language English.",
  "caseloads and mileage; funding cuts; a training day; their own family's care package; generic advice ('always check the smoke alarms on a first visit'); a visit described with nothing that adds up and no when.")
brief("p19-small-town-front-desk-optical-dental", "Front-desk, dental, optical and hearing staff in small towns where everyone knows everyone", P_QUOTA + " — at least 40 of the lines have a context (a comment or message the draft replies to)",
  "GP and dental receptionists, dental nurses, hygienists, optometrists and optical assistants, hearing-aid audiologists, pharmacy counter staff, clinic managers", "facebook (community groups, own profile, comment threads), instagram (stories and captions), x, threads, youtube (comments)", "Scotland (Highlands and islands), Philippines (provincial towns), Canada (Newfoundland, rural Ontario), United States (Appalachia, rural Texas), Australia (regional NSW, Tasmania)",
  "'guess who was in the chair today', the priest, the mayor, the PE teacher, the school bus driver, a local influencer, the writer's ex; what the appointment was for, the new glasses or hearing aids, a broken tooth from a bar fight at the town's only pub, a name seen on the screen, a rude patient with their street; replies in community threads that confirm someone was seen ('she was in with us tuesday, she's fine').",
  "opening hours, the new receptionist, the phone system; jokes about the job; their own appointment elsewhere; 'we're taking new patients'; replies that thank or redirect without confirming anything.")
brief("p20-chat-fragments-creole-pidgin", "Short chat fragments to friends in Caribbean, West African and Filipino English", "200 lines: 100 `warn`/patient, 50 `caution`/patient, 50 `none` — most under 150 characters, about 60 with a context (a friend's message the draft answers)",
  "nurses, nursing assistants, lab techs, pharmacy assistants, student nurses, midwives, porters", "whatsapp, instagram (DMs and story replies), discord, x, threads, messenger", "Jamaica, Trinidad and Tobago, Nigeria, Ghana, Kenya, the Philippines (and their diaspora in the UK, US, Canada)",
  "voice-note style messages and replies to friends: patois, Pidgin, Taglish, Sheng, code-switching; 'gyal, guess who come in a A&E last night', 'na the pastor wife dey ward 4 o', 'the tita from our barangay admitted earlier, stroke daw'; a name, a bed, a church, an area, an age, a diagnosis, today or last night; screenshots described; emoji and voice-note transcripts; mockery of a patient in the same voice.",
  "the same voices about shifts, pay, exams, migration paperwork (NMC, NCLEX, CGFNS), their own family's illness, gossip about celebrities from the news, church and food.")
brief("a08-gifts-money-favours-whatsapp", "Gifts, money, loans, prayers and favours from patients and their families", A_QUOTA,
  "home-care nurses, community health workers, home physios, midwives and doulas, pharmacists, hospital nurses with patients' families on WhatsApp, private-duty nurses", "whatsapp, messenger, instagram (DMs), facebook", "Kenya, Pakistan, the Philippines, Ghana, Malaysia, the UAE (expat staff), Trinidad",
  "a mother sending money by M-Pesa or GCash 'for your kindness', a gold bracelet, a goat for Eid, food parcels, a son's job offer, a proposal of marriage for the nurse or for the nurse's brother, a loan request, prayers and blessings that turn into requests to visit the house, invitations to a naming ceremony or a wedding, requests to check a prescription privately for cash; replies that accept, thank, promise to come, send account details, or refuse politely in the same chat.",
  "the same messages from the writer's own relatives, church friends, a neighbour who was never their patient, colleagues collecting for a leaving gift, a patient-support charity's official number.")
brief("a09-clinician-first-after-care", "Clinicians reaching out first, after the care: looking patients up and getting in touch", "200 lines: 130 `warn`/approach (at least 60 with no context at all, the rest replying to a patient's public post or harmless message), 70 `none` (messages to colleagues, friends, partners, dates, and an organisation's official messages)",
  "ICU and ward nurses, paramedics, physios, GPs, dentists, pharmacists, medical students, radiographers, receptionists", "instagram (DMs and comments), facebook (friend requests, comments on public posts), linkedin (connection notes and InMail), x, discord, bluesky", "Australia, Ireland, Singapore, United States (the South), South Africa",
  "'hope you don't mind me messaging, I was your nurse in resus', 'saw your post about the marathon, so proud of how far you've come since the ward x', a comment on a discharged patient's public photo, condolences to a widow from the writer's personal account, offering cheaper private physio or a home visit off the books, asking a patient to a gig, a LinkedIn note recruiting a former patient, 'looked you up after your appointment', following a patient's partner; warm, awkward, well-meant; the patient's public post as context in some.",
  "messages to a colleague met on shift, a friend from uni who became a nurse, a dating match, a former patient's public fundraising page liked by the hospital's official account, a clinic's broadcast about vaccination days, networking with another physio.")
H8_QUOTA = "200 lines: 180 `none` (about 80 with a context, about 40 of them threads of 3+ messages, at least 50 over 400 characters), 20 `warn` or `caution` for contrast"
brief("h08-near-misses-threads-long-posts", "Near misses: care-word threads and long posts that identify no patient", H8_QUOTA,
  "nurses, paramedics, doctors, carers, midwives, physios, social workers, receptionists", "messenger, whatsapp, facebook, reddit, linkedin, threads, discord", "United Kingdom, Canada, Australia, India, United States, Ireland",
  "threads where an earlier message talks about care that was not the writer's (a friend's own stitches elsewhere, a cousin's nurse, a colleague's patient in general terms) and the draft flirts, invites or thanks; long rambling posts about a hard month at work, a career change, a sick family member, a trip, full of wards, beds, tonight, ages and towns that belong to no patient; the writer's own child called 'the lad' or 'my 3 o'clock nap boss'; stories of patients in general; fundraising for the unit. Contrast lines: the same, with one detail that makes a real patient recognisable or a care link that makes it an approach.",
  "")

# Fourth round (2026-12-03): error analysis of the third model. Weakest: short chat and
# txt-speak (p16 0.17, p20 0.20 warn recall), real published rants and statuses (r02 2/18,
# r01 10/34), disparaging without identifiers (caution 0.52), clinician-first approaches
# (a04 0.53); 14% of harmless lines still flagged at all.
brief("p21-chat-replies-who-came-in", "Short chat replies to friends and partners about who came in today", "200 lines: 100 `warn`/patient, 50 `caution`/patient, 50 `none` — most under 160 characters, at least 100 with a context (the friend's or partner's message, or a short thread, that the draft answers)",
  "ED and ward nurses, HCAs, paramedics, radiographers, junior doctors, pharmacy staff, porters, phlebotomists, care workers", "whatsapp, messenger, instagram (DMs), discord, x (replies), threads (replies)", "United States (Midwest, Texas, New Jersey), England (the North, the Midlands), Scotland, Canada, Australia, India (English), Singapore",
  "answers to 'how was work?', 'anyone interesting in?', 'is it true about the crash on the A road?', 'did u see who got blue-lighted??': who came in, with one or two details the friend can place ('ur mate's brother, the one who does the doors, came in w chest pain', 'yep we had him, not looking good', 'the bride from the wedding at the golf club 🙈 alcohol poisoning'); confirming to a friend that someone they know was seen; a screenshot of a local news story and the draft saying it was on their shift; mocking the patient to a partner; the identifying detail is often only in the context (the friend names the person, the draft confirms).",
  "the same replies about the writer's own day, breaks, the rota, the canteen, a colleague, 'can't talk about it 🤐', 'busy, loads of chest pains, nothing exciting', a friend's own hospital stay that the friend tells; confirming a news story the writer had nothing to do with.")
brief("p22-rants-at-a-patient-statuses", "Angry statuses, sarcastic open letters and rants at a particular patient or customer", "200 lines: 80 `warn`/patient, 75 `caution`/patient, 45 `none` — full sentences, 40 to 400 characters, some with [expletive] or starred-out swearing",
  "community and hospital pharmacists, dental nurses and receptionists, paramedics, ED nurses, GPs, care workers, opticians, hospital doctors", "facebook (statuses, closed staff groups, group descriptions), x, threads, instagram (captions and stories)", "United Kingdom, Ireland, United States, Australia, New Zealand, South Africa",
  "'To the woman who threw her prescription at me this morning…', 'Dear gentleman in cubicle 6', statuses addressed to 'you' about one customer ('good to see you went full idiot tonight'), a rant naming the branch, the surgery or the ward and when, sarcasm ('thanks for the 3am visit for a stubbed toe, hero'), threats or wishing harm in jest, group names and descriptions that mock patients in general ('for nurses sick of frequent flyers and their fake seizures'), meme formats ('my ick is…', 'patients who…'), slurs and labels (nutter, junkie, crumbly, gomer). Disparaging with nothing identifying is `caution`; with who, when or where it is `warn`.",
  "rants at management, the government, the rota, a colleague, a delivery driver, a football club or the writer's ex; advocacy for patients; dark humour about the job that mocks nobody; complaints about abuse of staff in general, without mockery of a patient.")
brief("p23-public-storytime-threads", "Public storytime posts and numbered threads written for an audience", "200 lines: 110 `warn`/patient, 40 `caution`/patient, 50 `none` — 150 to 900 characters, a third of them numbered threads written as one draft",
  "ED doctors, surgeons, anaesthetists, ICU and ED nurses, paramedics, radiographers, midwives, GPs, medical students", "x (threads '1/', quote posts), threads, reddit (storytime posts and comments), instagram (captions under a described video or photo), facebook (public posts), youtube (comments telling 'I was the nurse on that case')", "United States, United Kingdom, Canada, Australia, Ireland, South Africa, India, Nigeria",
  "'so this happened at work today', 'POV: you're the only doc in the ED at 4am', 'storytime: the man with the…', 'update on the lady from yesterday's post', quote-posting a news article about a crash or a local figure ('I was on when they brought him in'); the details come from telling a good story: the time, the age, what they swallowed or broke, the town, the festival, the hospital; photos and X-rays described ('[photo: the fork on the X-ray]'); initials; 'details changed' disclaimers that still leave someone recognisable; viral-bait hashtags.",
  "threads about a published case report or a textbook case; a news story the writer had nothing to do with; a story said to be a composite, with no when, where or rare detail; the writer's own operation; threads about the profession, with no particular person.")
brief("a10-outgoing-short-dms", "Short personal messages a clinician sends a patient, in the moment", "200 lines: 130 `warn`/approach (at least 60 with no context at all; the rest replying in a DM thread where the care link is in an earlier message or in the draft itself), 70 `none` (the same style to colleagues, friends, dates, and an organisation's official messages)",
  "ward and ED nurses, HCAs, paramedics, physios, dental nurses, pharmacy staff, junior doctors, receptionists, care workers", "instagram (DMs, story replies), whatsapp, messenger, facebook (friend requests and comments), x (DMs), discord", "United Kingdom, United States, Nigeria, the Philippines, Australia, Canada, Ireland",
  "one-liners and short DMs, often txt-speak: 'hey its the nurse from bay 2 last nite 😊 hows the ankle', 'u left ur charger on the ward want me to drop it round', 'add me on snap x', 'text me ur number and ill send u ur bloods', 'we should grab a drink when ur off the crutches', replying to a patient's story with a heart and 'miss having u on the ward', 'dont tell anyone i messaged lol', a follow request note, sending a personal number, asking how their wife is now from the writer's own account, offering to come round and check the wound after work.",
  "the same voice to a colleague after a shift, a friend who is unwell (never the writer's patient), a dating match, the writer's own family; a practice's or pharmacy's official WhatsApp ('your prescription is ready to collect'); an official hospital account replying publicly with no personal contact.")
brief("n04-short-work-chat-no-patient", "Short work chat, txt-speak and one-liners that identify no patient", "200 lines: 180 `none` (at least 60 with a context, most under 160 characters), 20 `warn` or `caution` for contrast",
  "nurses, HCAs, paramedics, junior doctors, pharmacy techs, porters, receptionists, students, care workers", "whatsapp (staff group chats), discord, x, threads, instagram (DMs and story replies), messenger, youtube (comments)", "United Kingdom, United States, Philippines, Nigeria, Jamaica, Australia, India, Canada",
  "the same clipped voice as identifying one-liners but about the work, not a person: 'bay 3 is a nightmare tonite send coffee', 'who can swap sat lates', 'crash call x2 before midnight im dead', 'anyone know if pharmacy open rn', 'pt education leaflets r in the drawer', 'ive had 4 falls this wk on the unit 😩', 'GCS 3 memes are not it', 'just passed my OSCE!!', 'resus is rammed', 'they put me in ED again lol'; replies to a friend's 'how was shift' that tell nothing about a person; jokes about the job; counts and aggregates; the writer's own illness, their kids, their commute. Contrast lines: the same, with one detail (who, which bed plus what, a name) that makes a real patient recognisable, or mockery of one.",
  "")

def render(b):
    return f"""# Brief {b['id']}: {b['title']}

Read `COMMON.md` beside this file first: it says how to write and where the output goes
(`corpus/raw/{b['id']}.jsonl`).

- **Quota**: {b['quota']}.
- **Who writes**: {b['who']}.
- **Where**: {b['sites']}.
- **Countries and their English**: {b['countries']}.

## What to cover
{b['cover']}

""" + (f"""## Near misses to include (labelled `none` unless the rules say otherwise)
{b['near']}
""" if b['near'] else "")

if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "briefs"
    for b in B:
        (out / f"{b['id']}.md").write_text(render(b), encoding="utf-8")
    print(len(B), "briefs written to", out)
