/** One sentence or name in each script the worksheets promise (docs/answers-format.md). */
export const samples = {
  vietnamese: 'Nguyễn Thị Minh Khai',
  polish: 'Zażółć gęślą jaźń',
  turkish: "İstanbul'da ağaç ığdır şüphe",
  icelandic: 'Þórður Guðjónsson',
  greek: 'Καλημέρα κόσμε',
  cyrillic: 'Съешь же ещё этих мягких французских булок',
  chinese: '我想加入医学教育研究团队并学习如何写作',
  traditional: '醫學教育',
  japanese: '医学教育の研究チームに参加したいです',
  korean: '의학 교육 연구팀에 참여하고 싶습니다',
  arabic: 'أريد أن أنضم إلى فريق البحث',
  hebrew: 'אני רוצה להצטרף לצוות המחקר',
} as const;
