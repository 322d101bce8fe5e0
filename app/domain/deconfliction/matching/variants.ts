/**
 * Equivalence classes of very common given names that are written in many
 * ways. Members of one class are treated as the same name (similarity 1).
 *
 * A class holds spellings and transliterations of one name as the same
 * person's papers would show it in different countries. It does not hold
 * names that are related but are borne as *distinct* names by different
 * people in one language community: those classes are linked as cognates
 * instead, which counts as a partial agreement (enough together with an equal
 * date of birth, not on its own):
 *  - Mehmed and Muhamed are both common, distinct Bosnian names; Mehmet and
 *    Muhammed are both used in Turkey → "mehmet" is a cognate of "mohammed".
 *  - Jovan and Ivan are two different Serbian names → separate classes, both
 *    cognates of Ioannis/Johannes/John.
 *  - Yusuf and Josef, Maryam and Maria, Dawud and David,
 *    Yaqub and Jakob: same origin, different naming traditions.
 *  - Ilyas and Ilias cannot be told apart once transliterated, so they share
 *    a class with Elias and Ilija.
 *
 * Entries in any script are run through the same transliteration and
 * skeleton as the names being compared (names.ts), so "محمد" lands on its
 * consonant form and "Мухаммед" on "muhammed".
 */

export interface VariantClass {
  id: string;
  names: readonly string[];
}

export const NAME_VARIANT_CLASSES: readonly VariantClass[] = [
  // Arabic, Turkish, Persian, Balkan-Muslim given names
  { id: "mohammed", names: ["Mohammed", "Muhammad", "Mohamed", "Mohamad", "Muhamed", "Mohammad", "Muhammed", "Muhamad", "Mouhamed", "Mouhammad", "Mohamud", "Mahomed", "Mukhammad", "Mokhamed", "Muhammet", "Мухаммед", "Мохамед", "Мохаммед", "Мухамед", "Мухамад", "Мухаммад", "Μοχάμεντ", "Μωχάμεντ", "Μοχάμετ", "محمد"] },
  { id: "mehmet", names: ["Mehmet", "Mehmed", "Мехмед", "Μεχμέτ"] },
  { id: "ahmed", names: ["Ahmed", "Ahmad", "Akhmed", "Ahmet", "Achmed", "Ahmat", "Akhmad", "Ахмед", "Ахмад", "Ахмет", "Αχμέτ", "Άχμεντ", "أحمد", "احمد"] },
  { id: "mahmoud", names: ["Mahmoud", "Mahmud", "Mahmood", "Makhmud", "Mahmut", "Махмуд", "Μαχμούτ", "محمود"] },
  { id: "hussein", names: ["Hussein", "Husein", "Hussain", "Husain", "Hüseyin", "Husayn", "Hossein", "Hosein", "Houssein", "Husejn", "Хусейн", "Хусеин", "Χουσεΐν", "حسين"] },
  { id: "hassan", names: ["Hassan", "Hasan", "Hassen", "Hasen", "Хасан", "Χασάν", "حسن"] },
  { id: "yusuf", names: ["Yusuf", "Youssef", "Yousef", "Yousif", "Yusef", "Yussuf", "Jusuf", "Youssouf", "Yousuf", "Юсуф", "Γιουσούφ", "يوسف"] },
  { id: "josef", names: ["Josef", "Joseph", "Josip", "Josif", "Iosif", "Jozef", "József", "Giuseppe", "Ιωσήφ", "Јосиф", "Иосиф", "Йосиф"] },
  { id: "ali", names: ["Ali", "Aly", "Alija", "Али", "Алија", "Αλί", "علي"] },
  { id: "omar", names: ["Omar", "Umar", "Omer", "Ömer", "Umer", "Омар", "Умар", "Ομάρ", "عمر"] },
  { id: "osman", names: ["Osman", "Othman", "Uthman", "Usman", "Осман", "عثمان"] },
  { id: "abdullah", names: ["Abdullah", "Abdulla", "Abdallah", "Abdollah", "Abdula", "Abdellah", "Абдулла", "Абдула", "Αμπντουλάχ", "عبدالله", "عبد الله"] },
  { id: "abdulrahman", names: ["Abdulrahman", "Abdelrahman", "Abdurrahman", "Abdul Rahman", "Abd al-Rahman", "Abdirahman", "Абдурахман", "عبد الرحمن", "عبدالرحمن"] },
  { id: "ibrahim", names: ["Ibrahim", "Ebrahim", "Ibraheem", "Ibragim", "Brahim", "İbrahim", "Ибрахим", "Ибрагим", "Ιμπραήμ", "إبراهيم", "ابراهيم"] },
  { id: "ismail", names: ["Ismail", "Ismael", "Esmail", "Ismajl", "Smajl", "Исмаил", "Ισμαήλ", "إسماعيل", "اسماعيل"] },
  { id: "khaled", names: ["Khaled", "Khalid", "Halid", "Haled", "Халид", "Халед", "Χαλέντ", "خالد"] },
  { id: "mustafa", names: ["Mustafa", "Moustafa", "Mostafa", "Mustapha", "Mustafë", "Мустафа", "Μουσταφά", "مصطفى"] },
  { id: "tariq", names: ["Tariq", "Tarek", "Tarik", "Tareq", "Тарик", "طارق"] },
  { id: "karim", names: ["Karim", "Kareem", "Kerim", "Карим", "كريم"] },
  { id: "jamal", names: ["Jamal", "Gamal", "Djamal", "Džemal", "Cemal", "Джамал", "جمال"] },
  { id: "said", names: ["Said", "Saeed", "Saïd", "Saied", "Sa'id", "Саид", "سعيد"] },
  { id: "amir", names: ["Amir", "Ameer", "Амир", "أمير"] },
  { id: "suleiman", names: ["Suleiman", "Sulejman", "Süleyman", "Sulaiman", "Soliman", "Slimane", "Сулейман", "Сулејман", "سليمان"] },
  { id: "musa", names: ["Musa", "Moussa", "Mousa", "Муса", "موسى"] },
  { id: "hamza", names: ["Hamza", "Hamzah", "Hamzeh", "Хамза", "حمزة"] },
  { id: "abbas", names: ["Abbas", "Abas", "Аббас", "Абас", "عباس"] },
  { id: "hamid", names: ["Hamid", "Hameed", "Hamed", "Хамид", "حميد", "حامد"] },
  { id: "reza", names: ["Reza", "Riza", "Rıza", "Rida", "Реза", "رضا"] },
  { id: "zahra", names: ["Zahra", "Zehra", "Zahraa", "Zohra", "Захра", "زهراء", "زهرا"] },
  { id: "amina", names: ["Amina", "Emina", "Emine", "Aminah", "Амина", "آمنة", "امينة"] },
  { id: "samir", names: ["Samir", "Sameer", "Самир", "سمير"] },
  { id: "nasser", names: ["Nasser", "Nasir", "Naser", "Nassir", "Nacer", "Насер", "ناصر"] },
  { id: "walid", names: ["Walid", "Waleed", "Velid", "Валид", "وليد"] },
  { id: "rashid", names: ["Rashid", "Rachid", "Rasheed", "Rašid", "Рашид", "رشيد"] },
  { id: "bashir", names: ["Bashir", "Beshir", "Bachir", "Bešir", "Башир", "بشير"] },
  { id: "ayoub", names: ["Ayoub", "Ayub", "Eyüp", "Ajub", "Ayyub", "Аюб", "أيوب"] },
  { id: "yunus", names: ["Yunus", "Younes", "Younis", "Junus", "Юнус", "يونس"] },
  { id: "yaqub", names: ["Yaqub", "Yakub", "Yacoub", "Yakoub", "Jakup", "Якуб", "يعقوب"] },
  { id: "dawud", names: ["Dawud", "Dawood", "Daoud", "Davud", "Davut", "Давуд", "داود"] },
  { id: "fatima", names: ["Fatima", "Fatma", "Fatemeh", "Fatimah", "Fatime", "Фатима", "Φατιμά", "فاطمة"] },
  { id: "aisha", names: ["Aisha", "Ayesha", "Aysha", "Aïcha", "Ayşe", "Aiša", "Аиша", "عائشة"] },
  { id: "maryam", names: ["Maryam", "Mariam", "Meryem", "Мариам", "مريم"] },
  { id: "zainab", names: ["Zainab", "Zaynab", "Zeynep", "Zejneb", "Зейнаб", "زينب"] },
  // Slavic, Greek, Albanian, Hungarian, German given names
  { id: "aleksandar", names: ["Aleksandar", "Alexander", "Aleksander", "Alexandre", "Alessandro", "Aleksandr", "Oleksandr", "Alexandros", "Aleksandros", "Aleksandër", "Александар", "Александр", "Олександр", "Αλέξανδρος"] },
  { id: "nikola", names: ["Nikola", "Nicolas", "Nikolas", "Nikolaos", "Nicholas", "Nikolai", "Nikolay", "Nikolaj", "Mykola", "Nikolla", "Nikos", "Νικόλαος", "Νίκος", "Никола", "Николай", "Микола"] },
  { id: "ioannis", names: ["Ioannis", "Giannis", "Yiannis", "Yannis", "Jannis", "Ioannes", "Ιωάννης", "Γιάννης"] },
  { id: "jovan", names: ["Jovan", "Јован", "Йован"] },
  { id: "ivan", names: ["Ivan", "Иван", "Іван"] },
  { id: "johannes", names: ["Johannes", "Johann", "Johan"] },
  { id: "john", names: ["John", "Gjon", "Джон"] },
  { id: "georgios", names: ["Georgios", "Giorgos", "Yiorgos", "Yorgos", "George", "Georg", "Georgi", "Georgiy", "Georgy", "Đorđe", "Djordje", "Gjorgji", "Gjergj", "Γεώργιος", "Γιώργος", "Ђорђе", "Георги", "Георгий", "Ѓорѓи"] },
  { id: "dimitrios", names: ["Dimitrios", "Dimitris", "Dimitar", "Dimitri", "Dmitri", "Dmitriy", "Dmitry", "Dimitrije", "Dhimitër", "Dhimitri", "Δημήτριος", "Δημήτρης", "Димитър", "Дмитрий", "Димитрије", "Димитар"] },
  { id: "konstantinos", names: ["Konstantinos", "Constantin", "Konstantin", "Kostas", "Kostandin", "Constantine", "Κωνσταντίνος", "Κώστας", "Константин"] },
  { id: "petar", names: ["Petar", "Peter", "Petros", "Pyotr", "Petr", "Petro", "Pjetër", "Péter", "Πέτρος", "Петар", "Пётр", "Петър", "Петро"] },
  { id: "mihail", names: ["Mihail", "Mikhail", "Michael", "Michail", "Mihajlo", "Mihailo", "Mykhailo", "Mihály", "Michal", "Mikel", "Mihai", "Μιχαήλ", "Μιχάλης", "Михаил", "Михајло", "Михайло"] },
  { id: "stefan", names: ["Stefan", "Stephan", "Stephen", "Stefanos", "Stjepan", "Štefan", "Στέφανος", "Стефан"] },
  { id: "vasileios", names: ["Vasileios", "Vasilis", "Vasil", "Vasilije", "Vasily", "Vasiliy", "Vasyl", "Basil", "Βασίλειος", "Βασίλης", "Василий", "Васил", "Василије"] },
  { id: "andreas", names: ["Andreas", "Andrej", "Andrei", "Andrey", "Andrija", "Andrew", "Andrzej", "Andrii", "Ανδρέας", "Андрей", "Андреј", "Андрија", "Андрій"] },
  { id: "pavel", names: ["Pavel", "Pavle", "Paul", "Pavlos", "Pavlo", "Pál", "Παύλος", "Павел", "Павле", "Павло"] },
  { id: "christos", names: ["Christos", "Hristos", "Hristo", "Khristo", "Χρήστος", "Христо", "Христос"] },
  { id: "panagiotis", names: ["Panagiotis", "Panayiotis", "Panagiotes", "Παναγιώτης"] },
  { id: "athanasios", names: ["Athanasios", "Thanasis", "Atanas", "Atanasije", "Afanasy", "Αθανάσιος", "Θανάσης", "Атанас", "Атанасије", "Афанасий"] },
  { id: "evangelos", names: ["Evangelos", "Vangelis", "Evangjelos", "Ευάγγελος", "Βαγγέλης"] },
  { id: "spyridon", names: ["Spyridon", "Spyros", "Spiro", "Spiros", "Spiridon", "Σπυρίδων", "Σπύρος", "Спиридон"] },
  { id: "theodoros", names: ["Theodoros", "Teodor", "Theodore", "Θεόδωρος", "Теодор"] },
  { id: "sergei", names: ["Sergei", "Sergey", "Sergej", "Sergiy", "Serhiy", "Serhii", "Сергей", "Сергій", "Сергеј"] },
  { id: "aleksei", names: ["Aleksei", "Alexei", "Alexey", "Aleksej", "Aleksey", "Oleksiy", "Oleksii", "Алексей", "Олексій", "Алексеј"] },
  { id: "evgeni", names: ["Evgeni", "Evgeny", "Evgenii", "Yevgeny", "Yevgeniy", "Evgenij", "Jevgenij", "Yevhen", "Evgenios", "Евгений", "Евгени", "Євген", "Ευγένιος"] },
  { id: "vladimir", names: ["Vladimir", "Volodymyr", "Wladimir", "Владимир", "Володимир"] },
  { id: "luka", names: ["Luka", "Luca", "Lukas", "Loukas", "Λουκάς", "Лука"] },
  { id: "marko", names: ["Marko", "Marco", "Markos", "Marcus", "Mark", "Μάρκος", "Марко"] },
  { id: "tomas", names: ["Tomas", "Thomas", "Toma", "Tomasz", "Tamás", "Θωμάς", "Томас", "Тома"] },
  { id: "daniel", names: ["Daniel", "Danijel", "Daniil", "Daniele", "Δανιήλ", "Даниел", "Данијел", "Даниил"] },
  { id: "david", names: ["David", "Davit", "Dawit", "Davide", "Давид", "Δαβίδ"] },
  { id: "yuri", names: ["Yuri", "Yuriy", "Yurii", "Jurij", "Yury", "Юрий", "Юрій"] },
  { id: "jakob", names: ["Jakob", "Jacob", "Jakov", "Iakovos", "Yakov", "Jakab", "Яков", "Јаков", "Ιάκωβος"] },
  { id: "ilias", names: ["Ilias", "Elias", "Ilija", "Ilya", "Ilia", "Ilyas", "Ilyes", "Iljas", "Ηλίας", "Илија", "Илья", "Илия", "Ильяс", "إلياس"] },
  { id: "istvan", names: ["István", "Ištvan"] },
  // women's names
  { id: "maria", names: ["Maria", "Mariya", "Marija", "Mária", "Marie", "Μαρία", "Мария", "Марија", "Марія"] },
  { id: "elena", names: ["Elena", "Jelena", "Helena", "Helen", "Olena", "Yelena", "Eleni", "Ελένη", "Елена", "Јелена", "Олена", "Єлена"] },
  { id: "ekaterina", names: ["Ekaterina", "Yekaterina", "Katerina", "Katarina", "Catherine", "Kateryna", "Aikaterini", "Katalin", "Αικατερίνη", "Κατερίνα", "Екатерина", "Катарина", "Катерина"] },
  { id: "anna", names: ["Anna", "Ana", "Anne", "Hanna", "Άννα", "Анна", "Ана", "Ганна"] }, // Hanna: the Ukrainian form
  { id: "sofia", names: ["Sofia", "Sophia", "Sofija", "Sofiya", "Sophie", "Zsófia", "Σοφία", "София", "Софија"] },
  { id: "irina", names: ["Irina", "Irene", "Eirini", "Irini", "Iryna", "Ειρήνη", "Ирина", "Ірина"] },
  { id: "natalia", names: ["Natalia", "Natalya", "Nataliya", "Natalija", "Natalie", "Наталья", "Наталия", "Наталія", "Наталија"] },
];

/** Pairs of classes that are the same name in different traditions. */
export const NAME_COGNATES: readonly (readonly [string, string])[] = [
  ["mohammed", "mehmet"],
  ["yusuf", "josef"],
  ["maryam", "maria"],
  ["dawud", "david"],
  ["yaqub", "jakob"],
  ["ioannis", "jovan"],
  ["ioannis", "ivan"],
  ["ioannis", "johannes"],
  ["ioannis", "john"],
  ["jovan", "ivan"],
  ["jovan", "johannes"],
  ["jovan", "john"],
  ["ivan", "johannes"],
  ["ivan", "john"],
  ["johannes", "john"],
  ["stefan", "istvan"],
];

/**
 * Other common given names of the region and of the migration routes through
 * it, one spelling each. A name listed here is its own class: two *different*
 * known names are not taken for typos of each other, however close they are
 * (Goran/Zoran, Milica/Milena, Jovan/Jovana, Khaled/Khalil, Maria/Marina) —
 * a typing mistake seldom produces another real name. A spelling that is not
 * listed is still compared letter by letter with the listed one.
 * Only one spelling of a name may appear here; spellings of one name belong
 * in NAME_VARIANT_CLASSES.
 */
export const COMMON_GIVEN_NAMES: readonly string[] = [
  // South Slavic, male
  "Aleksa", "Bogdan", "Bojan", "Boris", "Branimir", "Branislav", "Branko", "Darko", "Dejan", "Dragan", "Dragoljub",
  "Dušan", "Filip", "Goran", "Gordan", "Igor", "Ivica", "Jovica", "Lazar", "Ljubiša", "Miloš", "Milan", "Miodrag",
  "Mirko", "Miroslav", "Mladen", "Nebojša", "Nemanja", "Nenad", "Novak", "Ognjen", "Predrag", "Radovan", "Radoslav",
  "Ratko", "Saša", "Siniša", "Slobodan", "Srđan", "Stevan", "Tomislav", "Uroš", "Veljko", "Vladan", "Vojislav", "Vuk",
  "Zdravko", "Željko", "Zoran", "Žarko", "Živko", "Blagoja", "Trajče", "Goce", "Kiro", "Toni", "Ljupčo", "Dimče",
  "Krste", "Zlatan", "Kristijan", "Damir", "Edin", "Emir", "Elvir", "Jasmin", "Mirza", "Nermin", "Senad", "Adnan",
  "Almir", "Amar", "Armin", "Haris", "Kenan", "Mersad", "Suad", "Zijad", "Dino", "Denis", "Ivo", "Ante", "Mate",
  "Marin", "Hrvoje", "Krešimir", "Tihomir", "Vedran", "Davor", "Domagoj", "Milorad", "Rade", "Jovo", "Stojan",
  // South Slavic, female
  "Aleksandra", "Biljana", "Bojana", "Branka", "Danijela", "Dragana", "Gordana", "Ivana", "Jasmina", "Jovana",
  "Ljiljana", "Maja", "Marina", "Milena", "Milica", "Mirjana", "Nada", "Nataša", "Nevena", "Nikolina", "Olivera",
  "Sanja", "Slađana", "Snežana", "Sonja", "Tamara", "Tanja", "Tatjana", "Teodora", "Vesna", "Violeta", "Zorana",
  "Zorica", "Dragica", "Lejla", "Selma", "Aida", "Azra", "Elma", "Ajla", "Irma", "Merima", "Stefka", "Dimitrina",
  "Radka", "Ivanka", "Petya", "Desislava", "Gergana", "Tsvetelina", "Milka", "Vera",
  // East Slavic
  "Oleg", "Roman", "Ruslan", "Timur", "Vadim", "Viktor", "Vitaly", "Vyacheslav", "Anatoly", "Arkady", "Artem",
  "Bohdan", "Taras", "Ostap", "Stepan", "Semyon", "Nikita", "Kirill", "Maksim", "Svetlana", "Oksana", "Lyudmila",
  "Galina", "Olga", "Inna", "Alla", "Yulia", "Anastasia", "Daria", "Polina", "Kseniya", "Viktoria", "Valentina", "Zlata", "Tetiana",
  // Greek
  "Angelos", "Antonios", "Apostolos", "Charalampos", "Christoforos", "Efstathios", "Emmanouil", "Gerasimos",
  "Grigorios", "Kyriakos", "Leonidas", "Lampros", "Manolis", "Nektarios", "Odysseas", "Pantelis", "Periklis",
  "Sotirios", "Stavros", "Stylianos", "Xenofon", "Achilleas", "Angeliki", "Chrysa", "Despoina", "Dimitra",
  "Evangelia", "Georgia", "Ioanna", "Kalliopi", "Konstantina", "Panagiota", "Paraskevi", "Sotiria", "Stavroula",
  "Vasiliki", "Zoi", "Eftychia", "Fotini", "Niki",
  // Albanian
  "Agim", "Agron", "Albert", "Alban", "Altin", "Arben", "Ardit", "Arian", "Armend", "Artan", "Astrit", "Bajram",
  "Bekim", "Besim", "Besnik", "Blerim", "Burim", "Dardan", "Dritan", "Edmond", "Elton", "Endrit", "Erion", "Ervin",
  "Fatmir", "Fatos", "Flamur", "Gentian", "Gezim", "Ilir", "Ilirjan", "Kastriot", "Klodian", "Lulzim", "Mentor",
  "Naim", "Petrit", "Shpend", "Skender", "Valon", "Visar", "Ylli", "Xhevdet", "Albana", "Arta", "Blerina", "Donika",
  "Drita", "Elira", "Fatjona", "Flutura", "Mimoza", "Rina", "Teuta", "Valbona", "Vjosa", "Shqipe",
  // Hungarian
  "Attila", "Balázs", "Csaba", "Gábor", "Gergely", "Imre", "János", "Károly", "Lajos", "László", "Miklós",
  "Sándor", "Tibor", "Zoltán", "Zsolt", "Ferenc", "Gyula", "Ákos", "Bence", "Levente", "Norbert", "Erzsébet",
  "Ilona", "Judit", "Éva", "Anikó", "Krisztina", "Réka", "Eszter",
  // German
  "Bernhard", "Christian", "Florian", "Franz", "Gerhard", "Günther", "Hans", "Helmut", "Herbert", "Jürgen", "Karl",
  "Klaus", "Martin", "Matthias", "Patrick", "Philipp", "Tobias", "Walter", "Werner", "Wolfgang", "Sabine", "Petra",
  "Claudia", "Birgit", "Monika", "Julia", "Lisa", "Sarah",
  // Arabic
  "Adel", "Akram", "Amjad", "Anas", "Ashraf", "Ayman", "Bassam", "Bilal", "Emad", "Fadi", "Faisal", "Fares", "Fouad",
  "Ghassan", "Hadi", "Haitham", "Hakim", "Hani", "Haroun", "Hatem", "Hisham", "Hussam", "Issa", "Jaber", "Jalal",
  "Jamil", "Kamal", "Khalil", "Louay", "Mahdi", "Majed", "Malek", "Mamoun", "Marwan", "Mazen", "Mohannad", "Mounir",
  "Nabil", "Nader", "Naji", "Nasim", "Nizar", "Nour", "Osama", "Qasim", "Raed", "Rami", "Riad", "Saad", "Saif",
  "Saleh", "Salim", "Sami", "Shadi", "Sharif", "Suhail", "Taha", "Tahir", "Talal", "Tamer", "Wael", "Wassim",
  "Yahya", "Yasser", "Zaid", "Ziad", "Zakaria", "Zuhair", "Majid", "Anwar", "Aziz", "Rahim", "Latif", "Habib",
  "Hafez", "Yasin", "Sayed", "Amal", "Amira", "Asma", "Dalia", "Dina", "Farah", "Ghada", "Hala", "Hanan", "Hiba",
  "Huda", "Iman", "Jamila", "Karima", "Layla", "Lina", "Nadia", "Rana", "Rania", "Rasha", "Reem", "Salma", "Samira",
  "Sara", "Souad", "Wafa", "Saida",
  // Persian, Afghan, Pakistani
  "Farid", "Farhad", "Ghulam", "Gul", "Habibullah", "Hamidullah", "Hekmat", "Jawad", "Javid", "Milad", "Mirwais",
  "Najib", "Naveed", "Omid", "Qadir", "Rahmatullah", "Sadiq", "Safi", "Shafiq", "Shahid", "Sohrab", "Wahid",
  "Zabihullah", "Zalmai", "Ziaullah", "Nasrullah", "Samiullah", "Noorullah", "Fereshteh", "Parisa", "Shirin",
  "Soraya", "Nargis", "Parwana", "Imran", "Irfan", "Kashif", "Shahzad", "Waqas", "Zeeshan", "Asif", "Adeel", "Junaid",
  // Turkish, Kurdish
  "Burak", "Cem", "Emre", "Erdem", "Hakan", "Kemal", "Murat", "Serkan", "Kadir", "Ramazan", "Recep", "Şahin",
  "Deniz", "Baran", "Rojhat", "Berivan", "Elif",
  // Horn of Africa
  "Abdi", "Yonas", "Yohannes", "Tesfaye", "Mulugeta", "Haile", "Filmon", "Kidane", "Samuel",
  // others
  "Andreea", "Alexandra", "Andrea", "Antonio", "Francesco", "Giovanni", "Marco",
];
